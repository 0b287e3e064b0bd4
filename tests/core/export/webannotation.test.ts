import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../../src-main/core';
import { Collections } from '../../../src-main/core/collections';
import { exportReports, type TextVersion } from '../../../src-main/core/export';
import { uuidV5 } from '../../../src-main/core/export/webAnnotationIris';
import { importInto } from '../../../src-main/core/import';
import { folio } from '../../helpers/cli';
import { copySampleCorpus, tempDir } from '../../helpers/corpora';
import { annotatedCorpus, NOW, openCopy, python } from './fixture';

/** The W3C Web Annotation test suite (its JSON schemas and the `.test` files that list its assertions). */
const SUITE = path.resolve(import.meta.dirname, '../../../../shared/validators/web-annotation-tests');

type Json = Record<string, unknown>;
interface Assertion {
  file: string;
  message: string;
  validate: ValidateFunction;
}

/**
 * The suite's schemas are draft-04, which Ajv 8 does not read; each is brought to the form Ajv reads with the
 * same meaning: `id` becomes `$id`, a boolean `exclusiveMinimum` becomes the bound, and the keywords beside a
 * `$ref` are dropped (draft-04 ignores them).
 */
function draft04(schema: unknown, root = true): unknown {
  if (Array.isArray(schema)) return schema.map((item) => draft04(item, false));
  if (typeof schema !== 'object' || schema === null) return schema;
  const object = schema as Json;
  if (typeof object.$ref === 'string') {
    return root && typeof object.id === 'string'
      ? { $id: object.id, $ref: object.$ref }
      : { $ref: object.$ref };
  }
  const converted: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === '$schema') continue;
    if (root && key === 'id' && typeof value === 'string') converted.$id = value;
    else if (key === 'exclusiveMinimum' && typeof value === 'boolean') {
      if (value) converted.exclusiveMinimum = object.minimum;
    } else if (key === 'minimum' && object.exclusiveMinimum === true) continue;
    else converted[key] = draft04(value, false);
  }
  return converted;
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** The "must" assertions a `.test` file of the suite lists, compiled with the suite's definitions. */
function musts(ajv: Ajv, test: string): Assertion[] {
  const assertions = readJson(path.join(SUITE, test)).assertions as string[];
  return assertions.map((file) => {
    const schema = readJson(path.join(SUITE, file));
    expect(schema.assertionType, file).toBe('must');
    expect(schema.expectedResult, file).toBe('valid');
    return { file, message: String(schema.errorMessage), validate: ajv.compile(draft04(schema) as object) };
  });
}

/** The suite's assertions for an annotation, a collection and a page, on one Ajv holding its definitions. */
function suite() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of readdirSync(path.join(SUITE, 'definitions'))) {
    ajv.addSchema(draft04(readJson(path.join(SUITE, 'definitions', name))) as object);
  }
  return {
    annotation: musts(ajv, 'annotations/annotationMusts.test'),
    collection: musts(ajv, 'collections/collectionMusts.test'),
    page: musts(ajv, 'collections/pages/pageMusts.test'),
  };
}

/** "<assertion>: <its error message>" for every assertion the document fails. */
function failures(assertions: Assertion[], document: unknown, what: string): string[] {
  return assertions
    .filter((assertion) => !assertion.validate(document))
    .map((assertion) => `${what}: ${assertion.file}: ${assertion.message}`);
}

let assertions: ReturnType<typeof suite>;
let source: { dir: string; corpus: Corpus };

beforeAll(async () => {
  assertions = suite();
  source = await annotatedCorpus();
});

async function exportWeb(
  corpus: Corpus,
  options: { base?: string; text?: TextVersion } = {},
): Promise<{ out: string; collection: Json }> {
  const out = path.join(tempDir('folio-web-'), 'webannotation');
  await exportReports(corpus, {
    selection: { kind: 'all' },
    format: 'webannotation',
    out,
    now: NOW,
    ...options,
  });
  return { out, collection: readJson(path.join(out, 'annotations.jsonld')) };
}

function itemsOf(collection: Json): Json[] {
  return (collection.first as { items: Json[] }).items;
}

interface Target {
  source: { id: string; 'schema:contentUrl': string };
  selector: Array<{ type: string; exact?: string; start?: number; end?: number }>;
}

function targetOf(item: Json): Target {
  return item.target as Target;
}

/**
 * Every "must" of the suite on the export, as its `.test` files take them: each annotation on its own (with
 * the `@context` it has in the collection), the collection, and the page both embedded and on its own.
 */
function suiteFailures(collection: Json): string[] {
  const context = collection['@context'];
  return [
    ...itemsOf(collection).flatMap((item, i) =>
      failures(assertions.annotation, { '@context': context, ...item }, `item ${i + 1}`),
    ),
    ...failures(assertions.collection, collection, 'collection'),
    ...failures(assertions.page, collection, 'embedded page'),
    ...failures(assertions.page, { '@context': context, ...(collection.first as Json) }, 'page'),
  ];
}

/** A copy of the annotated corpus with its annotations deleted through the corpus API. */
async function withoutAnnotations(): Promise<Corpus> {
  const corpus = await openCopy(source.dir);
  for (const id of corpus.ids()) {
    for (const annotation of corpus.report(id).annotations) await corpus.deleteAnnotation(id, annotation.id);
  }
  return corpus;
}

/** The annotations an export carries (orphans have no place in the text, so none), as the corpus has them. */
function placed(corpus: Corpus) {
  return corpus.ids().flatMap((id) =>
    corpus
      .report(id)
      .annotations.filter((a) => !a.orphaned)
      .map(({ id: annotationId, start, end, label, note, author }) => ({
        id,
        annotationId,
        start,
        end,
        label,
        note,
        author,
      })),
  );
}

describe('Web Annotation export against the W3C Web Annotation test suite', () => {
  it('reads the suite: 54 annotation, 10 collection and 15 page "must" assertions, which tell right from wrong', () => {
    expect([assertions.annotation.length, assertions.collection.length, assertions.page.length]).toEqual([
      54, 10, 15,
    ]);
    const sample = (kind: string, name: string) => readJson(path.join(SUITE, 'tools/samples', kind, name));
    // The suite's own samples: a collection with its page, annotations with text selectors, and wrong ones.
    const collection1 = sample('correct', 'collection1.json');
    expect([
      ...failures(assertions.collection, collection1, ''),
      ...failures(assertions.page, collection1, ''),
    ]).toEqual([]);
    for (const name of ['anno26.json', 'anno27.json']) {
      expect(failures(assertions.annotation, sample('correct', name), name)).toEqual([]);
      expect(failures(assertions.annotation, sample('incorrect', name), name)).not.toEqual([]);
    }
    // What the issue found: a relative collection id and a page without one.
    const page = { ...(collection1.first as Json) };
    delete page.id;
    const relative = { ...collection1, id: 'annotations.jsonld', first: page };
    expect(failures(assertions.collection, relative, 'c').map((f) => f.split(': ')[1])).toEqual([
      'collections/5.1-collectionIdValidated.json',
    ]);
    expect(failures(assertions.page, relative, 'p').map((f) => f.split(': ')[1])).toEqual([
      'collections/pages/5.2-pageIdValidated.json',
    ]);
  });

  it('passes every "must" for every annotation, the collection and its page', async () => {
    // The original carries the span on words the correction deleted, not those on words it inserted.
    for (const [text, count] of [
      ['corrected', 11],
      ['original', 10],
    ] as const) {
      const { collection } = await exportWeb(source.corpus, { text });
      expect(itemsOf(collection).length).toBe(count);
      expect(suiteFailures(collection), text).toEqual([]);
    }
  });

  it('passes them under a base IRI too', async () => {
    const { collection } = await exportWeb(source.corpus, { base: 'https://example.org/kho/' });
    expect(suiteFailures(collection)).toEqual([]);
  });
});

describe('Web Annotation IRIs', () => {
  it('names the collection, its page and each text by urn:uuid IRIs, the same on every export and copy', async () => {
    const first = await exportWeb(source.corpus);
    const items = itemsOf(first.collection);
    const sources = new Map(
      items.map((item) => [targetOf(item).source['schema:contentUrl'], targetOf(item).source.id]),
    );
    const iris = [first.collection.id, (first.collection.first as Json).id, ...sources.values()];
    expect(sources.size).toBe(3);
    for (const iri of iris)
      expect(iri).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(iris).size).toBe(iris.length);

    // Each source says which file of the export holds its text, and the selectors hold on that file.
    for (const item of items) {
      const { source: text, selector } = targetOf(item);
      const chars = [...readFileSync(path.join(first.out, text['schema:contentUrl']), 'utf8')];
      const [quote, position] = selector;
      expect(chars.slice(position!.start, position!.end).join('')).toBe(quote!.exact);
    }

    const copy = tempDir('folio-web-copy-');
    cpSync(source.dir, copy, { recursive: true });
    const again = await exportWeb(await Corpus.open(copy));
    expect(readFileSync(path.join(again.out, 'annotations.jsonld'), 'utf8')).toBe(
      readFileSync(path.join(first.out, 'annotations.jsonld'), 'utf8'),
    );

    // The original text is another resource than the corrected one: its offsets differ.
    const original = await exportWeb(source.corpus, { text: 'original' });
    const originalIris = [
      original.collection.id,
      ...itemsOf(original.collection).map((item) => targetOf(item).source.id),
    ];
    expect(originalIris.filter((iri) => iris.includes(iri))).toEqual([]);
  });

  it("names them in the corpus's own namespace once it has an id, so two corpora never share an IRI", async () => {
    const a = await Corpus.open(copySampleCorpus());
    const b = await Corpus.open(copySampleCorpus());
    const before = (await exportWeb(a)).collection.id;
    expect((await exportWeb(b)).collection.id).toBe(before);
    // Any write to a corpus's settings gives it its id, which a clone of the corpus keeps.
    for (const corpus of [a, b])
      await new Collections(corpus).create({ kind: 'manual', name: 'Quý I', ids: [] });
    const id = a.corpusSettings().id!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const [named, other] = [(await exportWeb(a)).collection.id, (await exportWeb(b)).collection.id];
    expect(named).toBe(`urn:uuid:${uuidV5(id, 'corrected/annotations.jsonld')}`);
    expect(new Set([before, named, other]).size).toBe(3);
    const clone = tempDir('folio-web-clone-');
    cpSync(a.root, clone, { recursive: true });
    expect((await exportWeb(await Corpus.open(clone))).collection.id).toBe(named);
  });

  it("makes name-based UUIDs as Python's uuid.uuid5 does", () => {
    const names = [
      'www.example.com',
      'corrected/texts/000_6609e38cc437fad5.txt',
      'original/texts/tin%20t%E1%BB%A9c.txt',
      'Hà Nội 😀',
    ];
    const dns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(names.map((name) => uuidV5(dns, name))).toEqual(
      python(
        'import json, sys, uuid\nprint(json.dumps([str(uuid.uuid5(uuid.NAMESPACE_DNS, n)) for n in sys.argv[1:]]))',
        ...names,
      ),
    );
  });

  it('puts every IRI under --base, normalised, and reads such an export back with its ids', async () => {
    const base = 'HTTPS://Ví-dụ.example/kho tin/';
    const normalised = new URL(base).href;
    expect(normalised).toBe('https://xn--v-d-rma6749a.example/kho%20tin/');
    const { out, collection } = await exportWeb(source.corpus, { base });
    expect(collection.id).toBe(`${normalised}annotations.jsonld`);
    expect((collection.first as Json).id).toBe(`${normalised}annotations.jsonld#page1`);
    for (const item of itemsOf(collection)) {
      const { source: text } = targetOf(item);
      expect(text.id).toBe(`${normalised}${text['schema:contentUrl']}`);
      expect(existsSync(path.join(out, text['schema:contentUrl']))).toBe(true);
    }

    const fresh = await withoutAnnotations();
    const summary = await importInto(fresh, { format: 'webannotation', source: out, editor: 'Nhập' });
    expect(summary.unmatched).toEqual([]);
    expect(placed(fresh)).toEqual(placed(source.corpus));
    const again = await exportWeb(fresh, { base });
    expect(readFileSync(path.join(again.out, 'annotations.jsonld'), 'utf8')).toBe(
      readFileSync(path.join(out, 'annotations.jsonld'), 'utf8'),
    );
  });

  it('refuses a base under which texts/<id>.txt would not lie, leaving nothing at --out', async () => {
    const refused: Array<[string, RegExp]> = [
      ['kho/', /--base "kho\/": not an absolute IRI/],
      ['', /--base "": not an absolute IRI/],
      ['https://example.org/kho', /must end with "\/".*"https:\/\/example.org\/kho\/"/],
      ['https://example.org/kho/?v=1', /cannot have a query/],
      ['https://example.org/kho/#x', /or a fragment/],
      ['https://example.org/kho/?', /cannot have a query/],
      ['urn:example:kho/', /a urn: IRI cannot hold relative names/],
    ];
    for (const [base, message] of refused) {
      const out = path.join(tempDir('folio-web-bad-'), 'webannotation');
      const run = exportReports(source.corpus, {
        selection: { kind: 'all' },
        format: 'webannotation',
        out,
        base,
      });
      await expect(run, base).rejects.toMatchObject({
        name: 'FolioError',
        code: 'invalid-input',
        message: expect.stringMatching(message),
      });
      expect(existsSync(out), base).toBe(false);
    }
  });

  it('folio export --base: IRIs under it; a bad one is refused with its reason', () => {
    const out = path.join(tempDir('folio-web-cli-'), 'webannotation');
    const run = folio(
      'export',
      source.dir,
      '--all',
      '--format',
      'webannotation',
      '--base',
      'file:///srv/kho/',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const collection = readJson(path.join(out, 'annotations.jsonld'));
    expect(collection.id).toBe('file:///srv/kho/annotations.jsonld');
    expect(
      itemsOf(collection).every((item) => targetOf(item).source.id.startsWith('file:///srv/kho/texts/')),
    ).toBe(true);

    const bad = folio(
      'export',
      source.dir,
      '--all',
      '--format',
      'webannotation',
      '--base',
      'kho',
      '--out',
      `${out}-bad`,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--base "kho": not an absolute IRI');
    expect(existsSync(`${out}-bad`)).toBe(false);
  });
});

describe('Web Annotation import of exports made before absolute IRIs', () => {
  it('reads relative sources (texts/<id>.txt), a relative collection id and a page without one', async () => {
    const { collection } = await exportWeb(source.corpus);
    // What Folio wrote before: the same annotations, every source the text's file relative to the collection.
    const old = {
      ...collection,
      id: 'annotations.jsonld',
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: itemsOf(collection).map((item) => ({
          ...item,
          target: { source: targetOf(item).source['schema:contentUrl'], selector: targetOf(item).selector },
        })),
      },
    };
    const dir = tempDir('folio-web-old-');
    writeFileSync(path.join(dir, 'annotations.jsonld'), JSON.stringify(old, null, 2));
    const fresh = await withoutAnnotations();
    const summary = await importInto(fresh, { format: 'webannotation', source: dir, editor: 'Nhập' });
    expect(summary.unmatched).toEqual([]);
    expect(placed(fresh)).toEqual(placed(source.corpus));
  });
});
