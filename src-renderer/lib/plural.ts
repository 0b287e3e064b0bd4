/** The plural form `count` takes in `language`: `one` for English's 1, `other` for all else (Vietnamese has none). */
export function pluralForm(language: string, count: number): 'one' | 'other' {
  return new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
}
