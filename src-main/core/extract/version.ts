// Its own module so the cache can name the extractor's version without loading the extractor.

/** Bumped whenever extraction changes what it finds, so caches made by an older extractor are redone. */
export const EXTRACTOR_VERSION = 4;
