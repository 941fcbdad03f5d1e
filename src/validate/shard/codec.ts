import { RadvalError } from "../../core/errors.js";

/**
 * A JSON value that encodes any plain-data tree exactly (the task outputs of a
 * shard): see {@link encodeValue}.
 */
export type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** The typed-array classes the codec carries (as their little-endian bytes). */
const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

function typedName(value: unknown): TypedName | null {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return null;
  const name = value.constructor.name;
  return name in TYPED ? (name as TypedName) : null;
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A table of strings shared by the encoded values of one file (feature names repeat in every task). */
export interface StringTable {
  readonly strings: string[];
  readonly index: Map<string, number>;
}

/** An empty string table for {@link encodeValue}. */
export function stringTable(strings: readonly string[] = []): StringTable {
  return { strings: [...strings], index: new Map(strings.map((s, k) => [s, k])) };
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0 && 1 / x < 0) return "-0";
  return null;
}

/**
 * Encodes a plain-data tree as JSON exactly, without naming its fields (so
 * it carries whatever a task output holds): finite numbers as JSON numbers
 * (the shortest decimal that reads back as the same double, ECMA-262
 * Number::toString), NaN, ±Infinity and −0 as `{"$n": "NaN"}` …, `undefined`
 * as `{"$u": 1}`, typed arrays as `{"$t": "Float64Array", "b64": …}` (their
 * little-endian bytes in base64: every bit kept, NaN payloads too), arrays of
 * strings as indices into `table` (`{"$s": [k, …]}`), objects whose keys
 * start with `$` wrapped as `{"$o": …}`. Anything else (functions, Maps,
 * class instances) is refused. {@link decodeValue} is the inverse.
 */
export function encodeValue(value: unknown, table: StringTable, path = "output"): Encoded {
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (value === undefined) return { $u: 1 };
  if (typeof value === "number") {
    const special = nonFinite(value);
    return special === null ? value : { $n: special };
  }
  const typed = typedName(value);
  if (typed) {
    if (!littleEndian()) throw new RadvalError("NOT_IMPLEMENTED_OPTION", "shard files are written on little-endian machines only");
    const view = value as Typed;
    return { $t: typed, b64: bytesToBase64(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)) };
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === "string")) {
      return {
        $s: (value as string[]).map((s) => {
          let k = table.index.get(s);
          if (k === undefined) {
            k = table.strings.length;
            table.strings.push(s);
            table.index.set(s, k);
          }
          return k;
        }),
      };
    }
    return value.map((v, k) => encodeValue(v, table, `${path}[${k}]`));
  }
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out: { [key: string]: Encoded } = {};
      let escaped = false;
      for (const [key, v] of Object.entries(value)) {
        if (key.startsWith("$")) escaped = true;
        out[key] = encodeValue(v, table, `${path}.${key}`);
      }
      return escaped ? { $o: out } : out;
    }
  }
  throw new RadvalError("INVALID_ARGUMENT", `${path} is a ${typeof value === "object" ? (value as object).constructor?.name ?? "object" : typeof value}, which a shard file cannot carry (plain data, numbers and typed arrays only)`);
}

/** Decodes what {@link encodeValue} wrote (with the same string table's strings). */
export function decodeValue(value: Encoded, strings: readonly string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, strings));
  if ("$n" in value) return Number(value["$n"] === "-0" ? -0 : value["$n"]);
  if ("$u" in value) return undefined;
  if ("$t" in value) {
    const Ctor = TYPED[value["$t"] as TypedName];
    if (!Ctor || typeof value["b64"] !== "string") throw new RadvalError("INVALID_JSON", `unknown typed array "${String(value["$t"])}" in a shard file`);
    const bytes = base64ToBytes(value["b64"]);
    return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
  }
  if ("$s" in value) {
    return (value["$s"] as number[]).map((k) => {
      const s = strings[k];
      if (s === undefined) throw new RadvalError("INVALID_JSON", `string ${k} is not in the shard file's string table`);
      return s;
    });
  }
  const fields = "$o" in value ? (value["$o"] as { [key: string]: Encoded }) : value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(fields)) out[key] = decodeValue(v, strings);
  return out;
}
