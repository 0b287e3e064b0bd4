import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src-main/core';

describe('Emitter', () => {
  it('tells each subscription once, and a disposed one no more', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    const listener = (n: number) => heard.push(`a${n}`);
    const first = emitter.event(listener);
    emitter.event(listener);
    const other = emitter.event((n) => {
      heard.push(`b${n}`);
      other();
    });
    emitter.fire(1);
    first();
    emitter.fire(2);
    expect(heard).toEqual(['a1', 'a1', 'b1', 'a2']);
    expect(emitter.listenerCount).toBe(1);
  });
});
