#!/usr/bin/env node
// Builds static/build/ (served by Django through STATICFILES_DIRS) from static/src/ and npm.
//
//   node scripts/build_static.mjs                  build into static/build/
//   node scripts/build_static.mjs --out DIR        build into DIR
//   node scripts/build_static.mjs --project DIR    scan DIR's templates and Python instead
//   node scripts/build_static.mjs --list-sources   print the files the build reads (Makefile)
//
// css/steiger.css = the NL Design System components we use + our theme tokens + our layout.
// The full component bundle is ~400 KB; the home page may weigh 60 KB in all, its CSS 40 KB.
// So only the component rules whose classes occur in our sources are kept:
//   1. Lightning CSS reads the component packages and prints them compactly. Besides making
//      them smaller, this puts every `var(--name, ...)` on one line: PurgeCSS finds the custom
//      properties a rule reads with a one-line pattern, and the packages split var() over
//      lines, so without this step it drops properties that are in use.
//   2. PurgeCSS keeps the component rules whose classes and elements the scanned files
//      mention, and the custom properties something still reads (`variables`). Our own CSS
//      goes through untouched (`purgecss start ignore`), except for tokens nothing reads.
//   3. Lightning CSS minifies the result. On the way it replaces `var(--name, fallback)` by
//      the fallback when no stylesheet declares --name: the build sees every stylesheet the
//      site has (the CSP forbids inline styles), so such a var() can only ever be its
//      fallback. This keeps the rendering identical and saves about a fifth of the bytes.
// Why these tools: PurgeCSS is the maintained tool for exactly "keep the rules the markup
// uses" and scans any text (templates, Python); Lightning CSS is a real CSS parser and the
// best minifier on npm, with a visitor API for step 3, where a hand-written parser used to be.
//
// css/steiger-lean.css = the same, for the pages without forms (home, audience, standard,
// search, statements, error pages): only what those templates and the frame they share use.
// A template opts in by naming steiger-lean.css; what it extends and includes comes along.
//
// js/*.js = static/src/js/*.js minified by terser (the commented source stays the one to read).
// img/* = static/src/img/* copied as they are (the favicon that /favicon.ico serves).

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "static", "src");

// Order matters only where components overlap: generic text first, form controls last.
const COMPONENTS = [
  "document",
  "paragraph",
  "heading-1",
  "heading-2",
  "heading-3",
  "heading-4",
  "link",
  "unordered-list",
  "ordered-list",
  "blockquote",
  "separator",
  "img",
  "table",
  "status-badge",
  "skip-link",
  "breadcrumb-nav",
  "alert",
  "button",
  "button-link",
  "button-group",
  "form-fieldset",
  "form-field",
  "form-label",
  "form-field-description",
  "form-field-error-message",
  "textbox",
  "textarea",
  "select",
  "checkbox",
  "radio-button",
];

const FULL_BUNDLE = "steiger.css";
const LEAN_BUNDLE = "steiger-lean.css";

// Our own CSS, in cascade order: tokens first so the components can read them.
const OWN_CSS = ["theme.css", "layout.css"];
// Our own CSS for pages on the full stylesheet only (the search page, the courses):
// the lean stylesheet, which the home page loads, stays within its weight budget.
const FULL_ONLY_CSS = ["search.css", "courses.css"];

// Templates every lean page may show, by template name: the frame and the pieces that Python
// code picks (StreamField blocks render their template from blocks.py, not from an include).
const LEAN_FRAME = ["base.html", "portal/includes/", "portal/blocks/", "portal/components/"];

// Classes that no scanned file spells out whole, because code composes them. `composed` is the
// text a template writes before the template tag that completes the name; the build stops when
// a template composes a class with a prefix that no entry covers, instead of silently
// dropping the rules (add the names here, with the reason). `inPython`: Python composes them,
// so they go only into a bundle that scans Python; not into the lean one, whose pages have no
// forms (this keeps about 1.5 KB of form-error rules off the home page).
const SAFELIST = [
  {
    composed: "utrecht-alert--",
    names: ["utrecht-alert--error", "utrecht-alert--ok", "utrecht-alert--info", "utrecht-alert--warning"],
    why: "base.html and allauth's alert element pick the modifier from a message level",
  },
  {
    names: [
      "utrecht-textbox--invalid",
      "utrecht-textarea--invalid",
      "utrecht-select--invalid",
      "utrecht-checkbox--invalid",
      "utrecht-radio-button--invalid",
    ],
    inPython: true,
    why: "the form kit adds `<widget class>--invalid` in Python to a field with errors",
  },
];

const SKIP_DIRS = new Set(["__pycache__", "migrations", "node_modules"]);

/** The files below `dir` whose extension is one of `extensions` (all files when null). */
function walk(dir, extensions, files = []) {
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, extensions, files);
    else if (!extensions || extensions.includes(extname(name))) files.push(path);
  }
  return files;
}

const TESTS_PACKAGE = "tests";

/** Every first-party Python package: a top-level folder with an __init__.py (portal, each
 * domain app, tests with its test-only apps, bench). Found, not listed: a new app's classes
 * count from its first template. */
export function firstPartyPackages(project) {
  return readdirSync(project)
    .filter((name) => !name.startsWith(".") && !SKIP_DIRS.has(name))
    .filter((name) => existsSync(join(project, name, "__init__.py")))
    .sort();
}

/** The files whose text may name a class: the site's templates folder, the templates and
 * Python of every first-party package, and our scripts (they may add a class at run time).
 * Of `tests` only the templates (of its test-only apps): test code names classes as data to
 * test with, which must not keep their rules in the site's stylesheet. */
export function scannedFiles(project) {
  const kinds = (name) => (name === TESTS_PACKAGE ? [".html"] : [".html", ".py"]);
  return [
    ...walk(join(project, "templates"), [".html"]),
    ...firstPartyPackages(project).flatMap((name) => walk(join(project, name), kinds(name))),
    ...walk(join(SRC, "js"), [".js"]),
  ];
}

/** A template file's name as Django looks it up: its path below the nearest "templates". */
function templateName(file) {
  const parts = file.split(sep);
  const at = parts.lastIndexOf("templates");
  return at === -1 ? null : parts.slice(at + 1).join("/");
}

/** The files the lean bundle must cover: the frame, each template that names the lean
 * stylesheet, and everything those extend or include. */
function leanFiles(files) {
  const byName = new Map();
  for (const file of files) {
    const name = file.endsWith(".html") ? templateName(file) : null;
    if (name && !byName.has(name)) byName.set(name, file);
  }
  const text = (file) => readFileSync(file, "utf8");
  const pending = [...byName.entries()]
    .filter(
      ([name, file]) =>
        LEAN_FRAME.some((frame) => name === frame || (frame.endsWith("/") && name.startsWith(frame))) ||
        text(file).includes(LEAN_BUNDLE),
    )
    .map(([, file]) => file);
  const lean = new Set();
  while (pending.length) {
    const file = pending.pop();
    if (lean.has(file)) continue;
    lean.add(file);
    for (const match of text(file).matchAll(/\{%-?\s*(?:extends|include)\s+["']([^"']+)["']/g)) {
      if (byName.has(match[1])) pending.push(byName.get(match[1]));
    }
  }
  return [...lean, ...files.filter((file) => file.endsWith(".js"))];
}

/** Stops the build when a template composes a class name the safelist does not cover. */
function checkComposedClasses(files) {
  const covered = new Set(SAFELIST.map((entry) => entry.composed).filter(Boolean));
  const problems = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    for (const match of readFileSync(file, "utf8").matchAll(/(utrecht-[a-z0-9_-]*-)\{[{%]/g)) {
      if (!covered.has(match[1])) problems.push(`${relative(ROOT, file)}: ${match[0]}`);
    }
  }
  if (problems.length) {
    throw new Error(
      "These templates compose utrecht-* class names that the build cannot see whole; " +
        `add the names to SAFELIST in scripts/build_static.mjs:\n  ${problems.join("\n  ")}`,
    );
  }
}

function componentCss() {
  return COMPONENTS.map((name) => {
    const path = join(ROOT, "node_modules", "@utrecht", `${name}-css`, "dist", "index.css");
    if (!existsSync(path)) throw new Error(`Missing ${path}: run "npm ci" first.`);
    return readFileSync(path, "utf8");
  }).join("\n");
}

/** Lightning CSS hands a visitor `from: null` in names but refuses it back: leave nulls out. */
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** A visitor that replaces var(--name, fallback) by the fallback when nothing declares --name. */
function inlineUndeclared(declared) {
  const resolveTokens = (tokens) =>
    tokens.flatMap((token) => {
      if (token.type === "var") return [].concat(resolveVar(token.value));
      if (token.type === "function") {
        return [{ ...token, value: { ...token.value, arguments: resolveTokens(token.value.arguments) } }];
      }
      return [token];
    });
  const resolveVar = (variable) => {
    const fallback = variable.fallback ? resolveTokens(variable.fallback) : variable.fallback;
    if (fallback && !declared.has(variable.name.ident)) return fallback;
    return { type: "var", value: { ...variable, fallback } };
  };
  return { Variable: (variable) => withoutNulls(resolveVar(variable)) };
}

async function buildCss(tools, components, own, files) {
  const scansPython = files.some((file) => file.endsWith(".py"));
  const names = SAFELIST.filter((entry) => scansPython || !entry.inPython).flatMap(
    (entry) => entry.names,
  );
  const [purged] = await new tools.PurgeCSS().purge({
    content: files.map((file) => ({
      raw: readFileSync(file, "utf8"),
      extension: extname(file).slice(1),
    })),
    css: [{ raw: `${components}\n/* purgecss start ignore */\n${own}\n/* purgecss end ignore */\n` }],
    safelist: { standard: names },
    variables: true,
  });
  const declared = new Set();
  tools.transform({
    filename: "purged.css",
    code: Buffer.from(purged.css),
    visitor: { Declaration: { custom: (property) => void declared.add(property.name) } },
  });
  const { code } = tools.transform({
    filename: "steiger.css",
    code: Buffer.from(purged.css),
    minify: true,
    visitor: inlineUndeclared(declared),
  });
  const header =
    "/*! Steiger. Contains NL Design System components (@utrecht/*-css, EUPL-1.2, " +
    "(c) Frameless B.V. and Gemeente Utrecht), only the rules this site uses. */\n";
  return `${header}${code}\n`;
}

async function buildJs(tools, out) {
  const dir = join(SRC, "js");
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".js"))) {
    const source = readFileSync(join(dir, name), "utf8");
    const result = await tools.minifyJs(source, {
      format: { preamble: `/*! Steiger: static/src/js/${name} */` },
    });
    writeFileSync(join(out, name), `${result.code}\n`);
    written.push(join("js", name));
  }
  return written;
}

function copyImages(out) {
  const dir = join(SRC, "img");
  mkdirSync(out, { recursive: true });
  return readdirSync(dir).map((name) => {
    copyFileSync(join(dir, name), join(out, name));
    return join("img", name);
  });
}

/** Everything the build reads, for the Makefile's stamp: change one and `make` rebuilds. */
function listSources(project) {
  const files = new Set([
    ...scannedFiles(project),
    ...walk(SRC, null),
    fileURLToPath(import.meta.url),
  ]);
  return [...files].map((file) => relative(process.cwd(), file));
}

async function build({ project, out }) {
  // Imported here, so --list-sources works before `npm ci` has run.
  const [{ PurgeCSS }, { transform }, { minify: minifyJs }] = await Promise.all([
    import("purgecss"),
    import("lightningcss"),
    import("terser"),
  ]);
  const tools = { PurgeCSS, transform, minifyJs };
  const files = scannedFiles(project);
  checkComposedClasses(files);
  const components = transform({
    filename: "components.css",
    code: Buffer.from(componentCss()),
    minify: true,
  }).code.toString();
  const read = (names) => names.map((name) => readFileSync(join(SRC, "css", name), "utf8"));
  const own = read(OWN_CSS).join("\n");
  const ownFull = read([...OWN_CSS, ...FULL_ONLY_CSS]).join("\n");

  // Built next to `out` and swapped in at the end: a running server or test never sees a
  // half-built folder, and a failed build leaves the last good one in place.
  const staging = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "css"), { recursive: true });
  const written = [];
  try {
    for (const [name, scanned, ownCss] of [
      [FULL_BUNDLE, files, ownFull],
      [LEAN_BUNDLE, leanFiles(files), own],
    ]) {
      writeFileSync(join(staging, "css", name), await buildCss(tools, components, ownCss, scanned));
      written.push(join("css", name));
    }
    written.push(...(await buildJs(tools, join(staging, "js"))));
    written.push(...copyImages(join(staging, "img")));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  for (const path of written) {
    console.log(`${relative(process.cwd(), join(out, path))}  ${statSync(join(out, path)).size} bytes`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: join(ROOT, "static", "build") },
      project: { type: "string", default: ROOT },
      "list-sources": { type: "boolean", default: false },
    },
  });
  const project = resolve(values.project);
  if (values["list-sources"]) {
    console.log(listSources(project).join("\n"));
    return;
  }
  await build({ project, out: resolve(values.out) });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
