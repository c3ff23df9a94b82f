/**
 * Which requests are rate-limited, and how much. Limits are per signed-in user (per client
 * address for the one public, sign-in-adjacent endpoint), over a sliding minute, so that one
 * user cannot keep the parser, the renderer or the exporter busy for everybody else.
 */
export type RateLimitClass = 'import' | 'export' | 'render' | 'sign-in';

export const RATE_LIMIT_CLASSES: readonly RateLimitClass[] = [
  'import',
  'export',
  'render',
  'sign-in',
];

/** Requests per minute for each class; `RATE_LIMITS=import=30,export=60` overrides some. */
export type RateLimits = Readonly<Record<RateLimitClass, number>>;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  import: 60,
  export: 120,
  render: 60,
  'sign-in': 300,
};

/** The window the limits count over. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

const RULES: ReadonlyArray<{ cls: RateLimitClass; method: string; path: RegExp }> = [
  // parsing an upload: the heaviest thing a user can ask for
  { cls: 'import', method: 'POST', path: /^\/api\/imports(\/preview)?\/?$/ },
  { cls: 'import', method: 'POST', path: /^\/api\/cases\/imports\/?$/ },
  // files the server produces
  { cls: 'export', method: 'POST', path: /^\/api\/assessments\/exports\/?$/ },
  { cls: 'export', method: 'GET', path: /^\/api\/imports\/[^/]+\/file\/?$/ },
  { cls: 'export', method: 'GET', path: /^\/api\/bulletins\/[^/]+\/files\/[^/]+\/?$/ },
  // composing and rendering a bulletin
  { cls: 'render', method: 'POST', path: /^\/api\/bulletins(\/preview(\/files\/[^/]+)?)?\/?$/ },
  // the public endpoint a sign-in starts from
  { cls: 'sign-in', method: 'GET', path: /^\/api\/auth\/config\/?$/ },
];

/** The class of a request (method and path without the query), or null when it is not limited. */
export function rateLimitClass(method: string, path: string): RateLimitClass | null {
  const m = method.toUpperCase();
  for (const rule of RULES) if (rule.method === m && rule.path.test(path)) return rule.cls;
  return null;
}

/**
 * Reads `RATE_LIMITS` ("import=60,export=120,render=60,sign-in=300"; unnamed classes keep their
 * default). Throws a sentence naming the bad part.
 */
export function parseRateLimits(text: string | undefined): RateLimits {
  const limits: Record<RateLimitClass, number> = { ...DEFAULT_RATE_LIMITS };
  if (!text || !text.trim()) return limits;
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([a-z-]+)\s*=\s*(\d+)$/.exec(part);
    if (!match)
      throw new Error(`"${part}" is not class=requests-per-minute (for example import=30)`);
    const cls = match[1] as RateLimitClass;
    if (!RATE_LIMIT_CLASSES.includes(cls))
      throw new Error(
        `"${match[1]}" is not a rate-limit class (one of ${RATE_LIMIT_CLASSES.join(', ')})`,
      );
    const n = Number(match[2]);
    if (n < 1) throw new Error(`${cls}: at least 1 request per minute`);
    limits[cls] = n;
  }
  return limits;
}
