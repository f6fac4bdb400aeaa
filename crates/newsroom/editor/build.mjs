// Bundles src/main.js into ../static/rich-editor.js, the one file the newsroom serves
// (crates/newsroom/src/admin/assets.rs embeds it). The output depends only on the sources
// and package-lock.json: no source map, no timestamps, no paths. check-bundle.sh fails
// when the committed file differs from a fresh build.
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

const result = await build({
  absWorkingDir: here,
  entryPoints: ["src/main.js"],
  outfile: "../static/rich-editor.js",
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  charset: "utf8",
  legalComments: "eof",
  // markdown-it only decodes entities; the package's index would also bring its 24 kB
  // encoding tables, which esbuild cannot drop.
  alias: { entities: "entities/lib/decode.js" },
  logLevel: "warning",
  metafile: true,
  banner: { js: "/*! Newsdesk rich editor. Third-party licences: rich-editor.licenses.txt */" },
});

// The bundle carries MIT and BSD code whose licences ask for their notices to travel with
// it: every package esbuild took a file from, with its licence text, in a file served
// beside the bundle.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) packages.set(match[1], join(here, "node_modules", match[1]));
}
const notices = [...packages.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, dir]) => {
    const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8").trim() : `${meta.license} (no licence file in the package)`;
    return `${name} ${meta.version} (${meta.license})\n\n${text}\n`;
  });
writeFileSync(
  join(here, "../static/rich-editor.licenses.txt"),
  `Third-party software in rich-editor.js, with its licences.\n\n${notices.join("\n----------------------------------------\n\n")}`,
);
