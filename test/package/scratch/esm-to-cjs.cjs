// A jest transformer turning ESM into CommonJS with esbuild (what esbuild-jest / @swc/jest do).
const { transformSync } = require(process.env.ESBUILD_PATH);

module.exports = {
  process(source, filename) {
    const { code } = transformSync(source, {
      format: 'cjs',
      loader: 'js',
      target: 'node20',
      sourcefile: filename,
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;',
    });
    return { code };
  },
};
