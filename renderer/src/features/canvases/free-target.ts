/**
 * The key that names the free area wherever a zone key names a zone (drop targets, keyboard
 * moves, "Move to…", adding). Zone keys start with a letter or digit, so it can never be one.
 */
export const FREE_TARGET = '~free';
