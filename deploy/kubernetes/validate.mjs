// Validates every object of the Kubernetes manifests given on the command line against the Kubernetes API's
// schemas, offline: the npm package kubernetes-models carries them (one class per apiVersion and kind, whose
// validate() throws on a missing or mistyped field), and its type declarations name every field an object may
// have, so that a misspelled one (httpGett, replica) is caught too, as the API server's strict field validation
// would. Run by .ci/run:
//   npm install kubernetes-models@5.1.0 js-yaml@4.1.0 && node validate.mjs deploy/kubernetes/*.yaml
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(path.join(process.cwd(), "package.json"));
const yaml = require("js-yaml");
const models = path.dirname(require.resolve("kubernetes-models/package.json"));

/** The fields of the first interface of a declaration file, each with its type's text and the file's imports. */
const declarations = new Map();
function declaration(file) {
  if (!declarations.has(file)) {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const imports = new Map();
    for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
      imports.set(m[1], m[2].startsWith(".") ? path.resolve(path.dirname(file), m[2].replace(/\.js$/, ".d.ts"))
        : path.join(models, "..", m[2] + ".d.ts"));
    }
    const start = text.indexOf("export interface ");
    let fields = null;
    if (start >= 0) {
      fields = new Map();
      const body = text.slice(text.indexOf("{", start) + 1);
      let depth = 0, i = 0, key = null, type = "";
      while (i < body.length && depth >= 0) {
        const rest = body.slice(i);
        const field = depth === 0 && key === null ? /^\s*"([^"]+)"\??:\s*/.exec(rest) : null;
        if (field) { key = field[1]; type = ""; i += field[0].length; continue; }
        const c = body[i];
        if (c === "{" || c === "<") depth++;
        if (c === "}" || c === ">") depth--;
        if (depth < 0) break;
        if (key !== null) {
          if (c === ";" && depth === 0) { fields.set(key, type.trim()); key = null; } else { type += c; }
        }
        i++;
      }
    }
    declarations.set(file, { fields, imports });
  }
  return declarations.get(file);
}

/** Every field of value that its type does not declare, as a path (spec.template.spec.containers[0].httpGett). */
function unknownFields(value, type, imports, where, found) {
  if (value === null || typeof value !== "object") return;
  type = type.trim();
  const array = /^Array<(.*)>$/s.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, n) => unknownFields(v, array[1], imports, `${where}[${n}]`, found));
    return;
  }
  const map = /^\{\s*\[key: string\]:\s*(.*?);?\s*\}$/s.exec(type);
  if (map) {
    for (const [k, v] of Object.entries(value)) unknownFields(v, map[1], imports, `${where}.${k}`, found);
    return;
  }
  if (!imports.has(type)) return; // a primitive, a literal, IntOrString or Quantity
  const { fields, imports: next } = declaration(imports.get(type));
  if (!fields) return;
  for (const [k, v] of Object.entries(value)) {
    if (!fields.has(k)) found.push(`${where ? where + "." : ""}${k} is not a field`);
    else unknownFields(v, fields.get(k), next, `${where ? where + "." : ""}${k}`, found);
  }
}

let objects = 0;
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const { apiVersion, kind } = doc;
    const name = `${file}: ${kind} ${doc.metadata?.name ?? "(no name)"}`;
    // apps/v1 → apps/v1/Deployment, v1 → v1/Service
    const module = pathToFileURL(path.join(models, apiVersion, `${kind}.js`)).href;
    let Model;
    try {
      Model = (await import(module))[kind];
    } catch (e) {
      console.error(`${name}: no schema for ${apiVersion} ${kind}`);
      problems++;
      continue;
    }
    try {
      new Model(doc).validate();
      const found = [];
      const top = declaration(fileURLToPath(module).replace(/\.js$/, ".d.ts"));
      for (const [k, v] of Object.entries(doc)) {
        if (!top.fields.has(k)) found.push(`${k} is not a field`);
        else unknownFields(v, top.fields.get(k), top.imports, k, found);
      }
      if (found.length) throw new Error(found.join("; "));
      objects++;
      console.log(`ok ${name}`);
    } catch (e) {
      console.error(`${name}: ${e.message}`);
      problems++;
    }
  }
}
console.log(`${objects} objects valid, ${problems} problems`);
if (problems > 0 || objects === 0) process.exit(1);
