#!/usr/bin/env node
// Builds static/build/ (served by Django through STATICFILES_DIRS) from static/src/ and npm.
//
// css/steiger.css = the NL Design System components we use + our theme tokens + our layout.
// The full component bundle is ~400 KB; the public pages may weigh 60 KB in total, so this
// script ships only the rules whose utrecht-* classes actually occur in our templates and
// Python code (a small PurgeCSS), then drops the private custom properties that nothing uses
// any more. No bundler: plain Node, no dependencies.
//
// js/*.js = static/src/js/*.js without indentation and whole-line comments (compactJs): no
// bundler or minifier to trust, and the code stays readable in the browser.
// img/* = static/src/img/* copied as they are.

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "static", "src");
const OUT = join(ROOT, "static", "build");

// Order matters only where components overlap: generic text first, form controls last.
export const COMPONENTS = [
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

// Two bundles. The full one styles every component any template uses (forms, account pages)
// and is base.html's default. Content pages without forms (home, audience, standard, search)
// ask for the lean one, which holds only what base.html, the blocks and those pages use: it
// keeps the home page within its 60 KB budget.
const FULL_BUNDLE = "steiger.css";
const LEAN_BUNDLE = "steiger-lean.css";

// Our own CSS, in cascade order: tokens first so the components can read them.
const OWN_CSS = ["theme.css", "layout.css"];

// Classes composed in templates at render time, which a text scan cannot see whole.
const SAFELIST = [
  "utrecht-alert--error",
  "utrecht-alert--ok",
  "utrecht-alert--info",
  "utrecht-alert--warning",
  "utrecht-form-field--invalid",
  "utrecht-textbox--invalid",
  "utrecht-textarea--invalid",
  "utrecht-select--invalid",
];

// Where class names may appear: templates of every app and Python form widgets.
const SCAN_EXTENSIONS = [".html", ".py", ".js", ".txt"];
const SCAN_SKIP = new Set([
  ".git",
  ".venv",
  "node_modules",
  "var",
  "build",
  "__pycache__",
  ".pytest_cache",
  ".ruff_cache",
  "locale",
  "bench",
]);

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    if (SCAN_SKIP.has(name)) continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path, files);
    else if (SCAN_EXTENSIONS.some((ext) => name.endsWith(ext))) files.push(path);
  }
  return files;
}

/** Every utrecht-* class the given files mention; names ending in "-" are prefixes
 * (e.g. `utrecht-alert--{{ level }}` in a template). */
export function usedClasses(files) {
  const exact = new Set(SAFELIST);
  const prefixes = [];
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(/utrecht-[a-z0-9_-]*[a-z0-9_-]/g)) {
      const name = match[0];
      if (name.endsWith("-")) prefixes.push(name);
      else exact.add(name);
    }
  }
  return { has: (name) => exact.has(name) || prefixes.some((p) => name.startsWith(p)) };
}

/** The files whose classes the lean bundle must cover: the frame every page shares, the
 * StreamField blocks, and each template that opts in by naming the lean stylesheet. */
function leanFiles(files) {
  const templates = join(ROOT, "templates");
  const frame = [
    join(templates, "base.html"),
    join(templates, "portal", "includes"),
    join(templates, "portal", "blocks"),
  ];
  return files.filter(
    (file) =>
      frame.some((prefix) => file.startsWith(prefix)) ||
      (file.endsWith(".html") && readFileSync(file, "utf8").includes(LEAN_BUNDLE)),
  );
}

// --- A small CSS parser: enough for the component packages' plain rules and @media. ----------

function stripComments(css) {
  return css.replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Index of the "}" that closes the "{" at css[open]. Strings and nesting are respected. */
function matchingBrace(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === '"' || c === "'") {
      i = css.indexOf(c, i + 1);
      if (i === -1) break;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error("Unbalanced braces in CSS");
}

const NESTING_AT_RULES = /^@(media|supports|layer|container)\b/;

function parse(css) {
  const nodes = [];
  let i = 0;
  while (i < css.length) {
    const brace = css.indexOf("{", i);
    const semi = css.indexOf(";", i);
    if (brace === -1 && semi === -1) break;
    if (semi !== -1 && (brace === -1 || semi < brace)) {
      const statement = css.slice(i, semi).trim();
      if (statement) nodes.push({ statement });
      i = semi + 1;
      continue;
    }
    const prelude = css.slice(i, brace).trim();
    const close = matchingBrace(css, brace);
    const inner = css.slice(brace + 1, close);
    if (NESTING_AT_RULES.test(prelude)) nodes.push({ prelude, children: parse(inner) });
    else nodes.push({ selector: prelude, body: inner });
    i = close + 1;
  }
  return nodes;
}

function serialize(nodes) {
  return nodes
    .map((node) => {
      if (node.statement) return `${node.statement};`;
      if (node.children) return `${node.prelude}{${serialize(node.children)}}`;
      // Declarations never need the space after the colon; selectors (a :hover) might.
      return `${node.selector}{${node.body.replace(/\s*:\s*/g, ":")}}`;
    })
    .join("");
}

/** Split on commas (or another separator) that are not inside parentheses. */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Classes a selector requires; those inside :not()/:is()/:where() are not requirements. */
function requiredClasses(selector) {
  let outside = "";
  let depth = 0;
  for (const c of selector) {
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0) outside += c;
  }
  return [...outside.matchAll(/\.(utrecht-[a-zA-Z0-9_-]+)/g)].map((m) => m[1]);
}

function pruneSelectors(nodes, used) {
  const kept = [];
  for (const node of nodes) {
    if (node.children) {
      const children = pruneSelectors(node.children, used);
      if (children.length) kept.push({ ...node, children });
    } else if (node.selector !== undefined) {
      const selectors = splitTopLevel(node.selector, ",")
        .map((s) => s.trim())
        .filter((s) => requiredClasses(s).every((name) => used.has(name)));
      if (selectors.length) kept.push({ ...node, selector: selectors.join(",") });
    } else {
      kept.push(node);
    }
  }
  return kept;
}

// --- Custom properties. The build sees every stylesheet the site has (inline styles are
// forbidden by our CSP), so a property nobody declares will never have a value:
// var(--x, fallback) is then just the fallback. Private ones (--_utrecht-*) that nothing reads
// any more are dropped. Both keep the rendering identical and the file small.

function bodies(nodes, out = []) {
  for (const node of nodes) {
    if (node.children) bodies(node.children, out);
    else if (node.body !== undefined) out.push(node);
  }
  return out;
}

/** Replace var(--name, fallback) by the fallback when nothing declares --name. */
function inlineUndeclared(value, declared) {
  let result = "";
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf("var(", i);
    if (start === -1) {
      result += value.slice(i);
      break;
    }
    result += value.slice(i, start);
    let depth = 0;
    let end = start + 3;
    for (; end < value.length; end++) {
      if (value[end] === "(") depth++;
      else if (value[end] === ")" && --depth === 0) break;
    }
    const args = value.slice(start + 4, end);
    const [name, ...rest] = splitTopLevel(args, ",");
    const fallback = rest.join(",");
    const trimmed = name.trim();
    if (!declared.has(trimmed) && rest.length) {
      result += inlineUndeclared(fallback.trim(), declared);
    } else {
      const inner = rest.length ? `,${inlineUndeclared(fallback, declared)}` : "";
      result += `var(${name}${inner})`;
    }
    i = end + 1;
  }
  return result;
}

function pruneCustomProperties(nodes) {
  for (let round = 0; round < 10; round++) {
    const rules = bodies(nodes);
    const all = rules.map((r) => r.body).join(";");
    const declared = new Set([...all.matchAll(/(--[a-zA-Z0-9_-]+)\s*:/g)].map((m) => m[1]));
    const referenced = new Set([...all.matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]));
    let changed = false;
    for (const rule of rules) {
      const declarations = splitTopLevel(rule.body, ";")
        .map((d) => d.trim())
        .filter(Boolean)
        .filter((d) => {
          const name = d.split(":", 1)[0].trim();
          const droppable = name.startsWith("--_") || (rule.own && name.startsWith("--"));
          return !(droppable && !referenced.has(name));
        })
        .map((d) => inlineUndeclared(d, declared));
      const body = declarations.join(";");
      if (body !== rule.body) {
        changed = true;
        rule.body = body;
      }
    }
    if (!changed) break;
  }
  return nodes.filter((node) => node.children || node.statement || node.body.trim());
}

function markOwn(nodes) {
  for (const node of nodes) {
    if (node.children) markOwn(node.children);
    else node.own = true;
  }
  return nodes;
}

export function minify(css) {
  return stripComments(css)
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,])\s*/g, "$1")
    .replace(/\(\s+/g, "(")
    .replace(/\s+\)/g, ")")
    .replace(/;}/g, "}")
    .trim();
}

function componentCss(name) {
  const path = join(ROOT, "node_modules", "@utrecht", `${name}-css`, "dist", "index.css");
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new Error(`Missing ${path}: run "npm ci" first.`);
  }
}

function buildCss(used) {
  const own = OWN_CSS.map((name) => readFileSync(join(SRC, "css", name), "utf8")).join("\n");
  const components = COMPONENTS.map((name) => stripComments(componentCss(name))).join("\n");
  const nodes = pruneSelectors(parse(minify(components)), used).filter(
    (node) => !node.statement?.startsWith("@charset"),
  );
  const css = serialize(pruneCustomProperties([...nodes, ...markOwn(parse(minify(own)))]));
  const header =
    "/*! Steiger. Contains NL Design System components (@utrecht/*-css, EUPL-1.2, " +
    "(c) Frameless B.V. and Gemeente Utrecht), only the rules this site uses. */\n";
  return `${header}${minify(css)}\n`;
}

/** `source` without indentation, blank lines and comments that fill whole lines: the
 * commented source in static/src stays the one to read, the page weight budget pays only for
 * code. Comments after code on the same line stay, so no string can be cut by mistake; our
 * scripts use no template literals, the only strings that could span lines. */
export function compactJs(source) {
  const kept = [];
  let inBlockComment = false;
  for (const line of source.split("\n")) {
    const text = line.trim();
    if (inBlockComment) {
      if (text.includes("*/")) inBlockComment = !text.endsWith("*/");
      continue;
    }
    if (text.startsWith("/*") && !text.startsWith("/*!")) {
      inBlockComment = !(text.includes("*/") && text.endsWith("*/"));
      continue;
    }
    if (text === "" || text.startsWith("//")) continue;
    kept.push(text);
  }
  return `${kept.join("\n")}\n`;
}

function copyJs() {
  const dir = join(SRC, "js");
  const out = join(OUT, "js");
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir).filter((name) => name.endsWith(".js"));
  for (const name of files) {
    const source = readFileSync(join(dir, name), "utf8");
    writeFileSync(join(out, name), `/*! Steiger: static/src/js/${name} */\n${compactJs(source)}`);
  }
  return files.map((name) => join(out, name));
}

/** static/src/img/* as they are (the favicon that /favicon.ico serves). */
function copyImages() {
  const dir = join(SRC, "img");
  const out = join(OUT, "img");
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir);
  for (const name of files) writeFileSync(join(out, name), readFileSync(join(dir, name)));
  return files.map((name) => join(out, name));
}

function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "css"), { recursive: true });
  const files = walk(ROOT);
  const written = [];
  for (const [name, scanned] of [
    [FULL_BUNDLE, files],
    [LEAN_BUNDLE, leanFiles(files)],
  ]) {
    const path = join(OUT, "css", name);
    writeFileSync(path, buildCss(usedClasses(scanned)));
    written.push(path);
  }
  written.push(...copyJs());
  written.push(...copyImages());
  for (const path of written) {
    console.log(`${relative(ROOT, path)}  ${statSync(path).size} bytes`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
