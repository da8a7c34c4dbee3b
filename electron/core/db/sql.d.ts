// SQL files are imported as text: vite/vitest understand `?raw`, and scripts/build.mjs teaches esbuild.
declare module '*.sql?raw' {
  const sql: string;
  export default sql;
}
