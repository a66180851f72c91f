import fc from 'fast-check';

/**
 * Malformed request bodies for the fuzz (test/security/fuzz.int.test.ts):
 * each is the raw bytes sent, the content type claimed and a label that
 * says which kind of malformation it is, for the failure message.
 */
export interface MalformedBody {
  kind: string;
  contentType: string;
  payload: string;
}

/** The JSON Schema of a property, as the OpenAPI document gives it. */
export interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
}

export type BodyKind = 'json' | 'csv' | 'jose';

const JSON_TYPE = 'application/json';
const OTHER_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=concord',
  'application/octet-stream',
  'text/csv',
  'application/jose',
  'application/fhir+json',
  'application/json; charset=utf-16',
  'application/json;;;',
  'text/html',
];

const body = (kind: string, payload: string, contentType = JSON_TYPE): MalformedBody => ({ kind, contentType, payload });
const stringify = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
};

/** A value of a JSON type other than the ones the schema names. */
const wrongTypeFor = (schema: PropertySchema): fc.Arbitrary<unknown> => {
  const named = new Set([schema.type ?? []].flat());
  if (named.has('integer')) named.add('number');
  const options: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.string({ maxLength: 40 })],
    ['number', fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer())],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 })],
    ['object', fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })],
  ];
  // An enum of strings still takes only those strings: any other string is the wrong type of value.
  const wrong = options.filter(([type]) => !named.has(type) || (type === 'string' && schema.enum !== undefined));
  return fc.oneof(...(wrong.length > 0 ? wrong : options).map(([, arbitrary]) => arbitrary));
};

const HUGE_NUMBERS = ['1e309', '-1e309', '1e-400', '9007199254740993', '-9007199254740993', '1'.repeat(400), `0.${'0'.repeat(400)}1`, '-0', '1.7976931348623157e308'];

/** Objects with the route's own field names, each given something wrong. */
const knownFieldBodies = (fields: Record<string, PropertySchema>): fc.Arbitrary<MalformedBody>[] => {
  const names = Object.keys(fields);
  if (names.length === 0) return [];
  const someFields = fc.subarray(names, { minLength: 1 });
  return [
    someFields.chain((chosen) =>
      fc.record(Object.fromEntries(chosen.map((name) => [name, wrongTypeFor(fields[name]!)]))).map((value) => body('wrong types for known fields', stringify(value))),
    ),
    fc.tuple(fc.constantFrom(...names), fc.constantFrom(...HUGE_NUMBERS)).map(([name, number]) => body('huge number in a known field', `{${JSON.stringify(name)}:${number}}`)),
    fc
      .tuple(fc.constantFrom(...names), fc.integer({ min: 5_000, max: 200_000 }), fc.constantFrom('x', '\u0000', '\u202e', '😷', '"', '\\\\'))
      .map(([name, length, unit]) => body('huge string in a known field', `{${JSON.stringify(name)}:"${unit.repeat(Math.ceil(length / unit.length))}"}`)),
    fc
      .tuple(fc.constantFrom(...names), fc.constantFrom('__proto__', 'constructor', 'prototype'))
      .map(([name, key]) => body('prototype keys', `{${JSON.stringify(name)}:{${JSON.stringify(key)}:{"polluted":true,"roles":["hub-coordinator"]}}}`)),
  ];
};

const prototypeKeys = fc
  .constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1,"__proto__":{"roles":["hub-coordinator"],"regionWide":true}}',
    '[{"__proto__":{"polluted":true}}]',
    '{"prototype":{"toString":"x"},"hasOwnProperty":1,"toJSON":2,"valueOf":3}',
  )
  .map((payload) => body('prototype keys', payload));

const deepNesting = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('array', 'object', 'object-with-constructor'))
  .map(([depth, shape]) => {
    if (shape === 'array') return body('deep nesting', `${'['.repeat(depth)}${']'.repeat(depth)}`);
    const inner = shape === 'object' ? '1' : '{"constructor":{"prototype":{}}}';
    return body('deep nesting', `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`);
  });

const truncated = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === 'object' && v !== null), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([value, at]) => {
    const text = stringify(value);
    return body('truncated JSON', text.slice(0, Math.max(1, Math.floor(text.length * at) - 1)));
  });

const wrongContentType = fc
  .tuple(fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 200 })), fc.constantFrom(...OTHER_TYPES))
  .map(([payload, contentType]) => body('wrong content type', payload, contentType));

const jsonBodies = (fields: Record<string, PropertySchema>): fc.Arbitrary<MalformedBody> =>
  fc.oneof(
    fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }).map((value) => body('fc.anything() as JSON', stringify(value))),
    fc.object({ maxDepth: 3, maxKeys: 8 }).map((value) => body('fc.object() as JSON', stringify(value))),
    fc.json({ maxDepth: 3 }).map((text) => body('fc.json()', text)),
    fc.string({ maxLength: 200, unit: 'binary' }).map((text) => body('not JSON at all', text)),
    truncated,
    wrongContentType,
    prototypeKeys,
    deepNesting,
    ...knownFieldBodies(fields),
  );

const csvBodies: fc.Arbitrary<MalformedBody> = fc.oneof(
  fc.string({ maxLength: 500, unit: 'binary' }).map((text) => body('binary as CSV', text, 'text/csv')),
  fc
    .array(fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 })
    .map((rows) => body('random CSV', rows.map((cells) => cells.join(',')).join('\n'), 'text/csv')),
  fc.constantFrom('"unbalanced,quote\n1,2', 'a,b\n"x""\n', '\uFEFF\uFEFF,,\r\r\n', ',\n,\n,\n', 'clientId\n').map((text) => body('broken CSV', text, 'text/csv')),
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => body('one huge CSV cell', `a,b\n${'x'.repeat(n)},1`, 'text/csv')),
  wrongContentType,
);

const base64url = fc.string({ maxLength: 120 }).map((text) => Buffer.from(text).toString('base64url'));
const joseBodies: fc.Arbitrary<MalformedBody> = fc.oneof(
  fc.string({ maxLength: 300 }).map((text) => body('random string as JWS', text, 'application/jose')),
  fc.tuple(base64url, base64url, base64url).map((parts) => body('three random JWS parts', parts.join('.'), 'application/jose')),
  fc
    .tuple(fc.jsonValue({ maxDepth: 2 }), base64url)
    .map(([payload, signature]) =>
      body(
        'well-formed header, junk payload',
        [Buffer.from('{"alg":"EdDSA","typ":"concord-message+jws","kid":"KE"}').toString('base64url'), Buffer.from(stringify(payload)).toString('base64url'), signature].join('.'),
        'application/jose',
      ),
    ),
  fc.constantFrom('..', '.', 'a.b', 'a.b.c.d.e', '\u0000.\u0000.\u0000').map((text) => body('broken JWS', text, 'application/jose')),
  wrongContentType,
);

/**
 * Near misses for routes that read a standard's format themselves: the
 * right shape with every value broken, so the route's own reader is
 * exercised and not only the JSON parser.
 */
const brokenCount = fc.constantFrom<unknown>('-1', 'NaN', '1e400', 'three', '', '1.5', null, {}, [], true, -3, 2 ** 60);
const NEAR_MISSES: Record<string, fc.Arbitrary<MalformedBody>> = {
  'POST /api/v1/surveillance/dhis2/dataValueSets': fc
    .record({
      dataSet: fc.option(fc.string({ maxLength: 11 }), { nil: undefined }),
      period: fc.option(fc.constantFrom('2025W52', '2025W99', '202513', 'yesterday', ''), { nil: undefined }),
      orgUnit: fc.option(fc.constantFrom('OuNairobi01', 'OuNowhere', ''), { nil: undefined }),
      dataValues: fc.array(
        fc.record({
          dataElement: fc.oneof(fc.constantFrom('MeasCase001', 'CholSusp001'), fc.string({ maxLength: 11 })),
          categoryOptionCombo: fc.option(fc.oneof(fc.constantFrom('HllvX50cXC0', 'MaleU5Coc01'), fc.string({ maxLength: 11 })), { nil: undefined }),
          period: fc.option(fc.constantFrom('2025W52', '2025W99', 'W52', ''), { nil: undefined }),
          orgUnit: fc.option(fc.constantFrom('OuNairobi01', 'OuNowhere'), { nil: undefined }),
          value: brokenCount,
        }),
        { maxLength: 6 },
      ),
    })
    .map((value) => body('DHIS2 dataValueSet with broken values', stringify(value))),
  'POST /api/v1/surveillance/fhir/MeasureReport': fc
    .record({
      resourceType: fc.constantFrom('MeasureReport', 'measurereport', 'Observation'),
      status: fc.constantFrom('complete', 'pending', 'error', 42),
      type: fc.constantFrom('summary', 'individual', null),
      period: fc.record({ start: fc.constantFrom('2025-12-22', '2025-13-40', 'soon', ''), end: fc.constantFrom('2025-12-28', '1900-01-01', '') }),
      group: fc.array(fc.record({ code: fc.jsonValue({ maxDepth: 2 }), population: fc.array(fc.record({ count: brokenCount }), { maxLength: 3 }) }), { maxLength: 3 }),
    })
    .map((value) => body('FHIR MeasureReport with broken values', stringify(value), 'application/fhir+json')),
};

export const malformedBodies = (kind: BodyKind, fields: Record<string, PropertySchema>, route: string): fc.Arbitrary<MalformedBody> => {
  const base = kind === 'csv' ? csvBodies : kind === 'jose' ? joseBodies : jsonBodies(fields);
  const nearMiss = NEAR_MISSES[route];
  return nearMiss ? fc.oneof(base, nearMiss) : base;
};
