import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Validates OCSF events against the schema's own raw data, for tests only. The data is read from
 * where it is kept (never copied into the repository): `KEYWARD_OCSF_SCHEMA_DIR`, by default
 * /work/shared/ocsf-schema (OCSF 1.8.0, the JSON files of github.com/ocsf/ocsf-schema).
 *
 * A class is compiled the way the OCSF server compiles it: `$include`d profile files are merged
 * under the item's own attributes, each tagged with its profile (an item undoes the tag with
 * `"profile": null`); `extends` is resolved by deep-merging the parent's attributes under the
 * child's (an attribute set to null is removed) and inheriting what the child does not say
 * (category, constraints); every attribute is then deep-merged over its dictionary entry, which
 * gives its type, `is_array`, enum (the dictionary's `0 Unknown`/`99 Other` with the class's own
 * values) and sibling. `class_uid`, `category_uid` and `type_uid` get the one-value enums the
 * class implies (`type_uid = class_uid × 100 + activity_id`).
 *
 * An event is then checked as the OCSF server's validator does: every required attribute present
 * (null counts as missing), no attribute unknown to the class or object (an object with no
 * attributes, `object`, is open), each value of its type (string, integer, long, float, boolean,
 * JSON, the dictionary's subtypes with their regex, length and range, objects recursively, arrays),
 * enum values defined, `at_least_one`/`just_one` constraints, profile attributes only for the
 * profiles named in `metadata.profiles`, and `metadata.version` equal to the schema's. Stricter than
 * the server: an enum sibling (`activity_name`, `status`, …) that is not its value's caption is an
 * error, not a warning (except for the value Other, whose sibling is the source's own name). Deprecated attributes, objects and enum values are warnings. The synthetic
 * `datetime` profile (`*_dt` attributes) is not supported.
 */
export const OCSF_SCHEMA_DIR = process.env['KEYWARD_OCSF_SCHEMA_DIR'] ?? '/work/shared/ocsf-schema';

type Json = Record<string, unknown>;
type EnumValues = Record<string, { caption: string; '@deprecated'?: unknown }>;

interface Attribute {
  readonly type: string;
  readonly isArray: boolean;
  readonly requirement?: string;
  readonly enum?: EnumValues;
  readonly sibling?: string;
  readonly profile?: string | null;
  readonly isDeprecated: boolean;
}

interface Item {
  readonly name: string;
  readonly caption: string;
  readonly attributes: ReadonlyMap<string, Attribute>;
  readonly constraints: Readonly<Record<string, readonly string[]>>;
  readonly isDeprecated: boolean;
}

export interface OcsfValidation {
  readonly errors: string[];
  readonly warnings: string[];
}

export class OcsfSchema {
  private readonly dictionary: Json;
  private readonly types: Record<string, Json>;
  private readonly rawEvents = new Map<string, Json>();
  private readonly rawObjects = new Map<string, Json>();
  private readonly categories: Record<string, { uid: number; caption: string }>;
  private readonly profileNames: ReadonlySet<string>;
  private readonly objects = new Map<string, Item>();
  private readonly classes = new Map<number, Item>();
  readonly version: string;

  constructor(private readonly dir = OCSF_SCHEMA_DIR) {
    this.version = (this.read('version.json') as { version: string }).version;
    const dictionary = this.read('dictionary.json') as { attributes: Json; types: { attributes: Record<string, Json> } };
    this.dictionary = dictionary.attributes;
    this.types = dictionary.types.attributes;
    this.categories = (this.read('categories.json') as { attributes: OcsfSchema['categories'] }).attributes;
    this.profileNames = new Set(readdirSync(join(dir, 'profiles')).map((file) => file.replace(/\.json$/, '')));
    for (const file of jsonFilesUnder(join(dir, 'events'))) this.keep(this.rawEvents, file);
    for (const file of jsonFilesUnder(join(dir, 'objects'))) this.keep(this.rawObjects, file);
    for (const raw of this.rawEvents.values()) {
      if (raw['uid'] !== undefined || raw['name'] === 'base_event') this.compileClass(raw);
    }
  }

  /** The class names by uid (`3002` → `authentication`). */
  classNames(): ReadonlyMap<number, string> {
    return new Map([...this.classes].map(([uid, item]) => [uid, item.name]));
  }

  /** The compiled attributes of a class: name → requirement. */
  requirementsOf(classUid: number): Record<string, string | undefined> {
    const item = this.classes.get(classUid);
    if (!item) throw new Error(`No OCSF class ${classUid}`);
    return Object.fromEntries([...item.attributes].map(([name, attribute]) => [name, attribute.requirement]));
  }

  validate(event: unknown): OcsfValidation {
    const result: OcsfValidation = { errors: [], warnings: [] };
    if (!isObject(event)) return { ...result, errors: ['the event is not an object'] };
    const item = Number.isInteger(event['class_uid']) ? this.classes.get(event['class_uid'] as number) : undefined;
    if (!item) return { ...result, errors: [`class_uid: no class ${JSON.stringify(event['class_uid'])}`] };
    const profiles = this.profilesOf(event, result);
    new Check(this, profiles, result).item(event, item, '');
    const { class_uid, activity_id, type_uid } = event;
    if (Number.isInteger(activity_id) && type_uid !== (class_uid as number) * 100 + (activity_id as number)) {
      result.errors.push(`type_uid: ${type_uid} is not class_uid × 100 + activity_id`);
    }
    const version = isObject(event['metadata']) ? event['metadata']['version'] : undefined;
    if (version !== undefined && version !== this.version) result.errors.push(`metadata.version: ${version} is not ${this.version}`);
    return result;
  }

  /** @internal A compiled object, by name. */
  object(name: string): Item {
    let item = this.objects.get(name);
    if (!item) {
      const raw = this.rawObjects.get(name);
      if (!raw) throw new Error(`SCHEMA: no object ${name}`);
      item = this.compile(this.resolved(raw, this.rawObjects));
      this.objects.set(name, item);
    }
    return item;
  }

  /** @internal The type of a dictionary type name (`ip_t`), or undefined for an object. */
  dataType(name: string): Json | undefined {
    return this.types[name];
  }

  private profilesOf(event: Json, result: OcsfValidation): ReadonlySet<string> {
    const metadata = event['metadata'];
    const names = isObject(metadata) && Array.isArray(metadata['profiles']) ? metadata['profiles'] : [];
    for (const name of names) {
      if (typeof name === 'string' && !this.profileNames.has(name)) result.errors.push(`metadata.profiles: no profile ${name}`);
      if (name === 'datetime') throw new Error('The datetime profile is not supported by this helper');
    }
    return new Set(names.filter((name): name is string => typeof name === 'string'));
  }

  private compileClass(raw: Json): void {
    const resolved = this.resolved(raw, this.rawEvents);
    const category = this.categories[resolved['category'] as string];
    const classUid = category ? category.uid * 1000 + (raw['uid'] as number) : 0;
    const item = this.compile(resolved);
    const attributes = new Map(item.attributes);
    const caption = resolved['caption'] as string;
    const derive = (name: string, values: EnumValues) => attributes.set(name, { ...attributes.get(name)!, enum: values });
    derive('class_uid', { [classUid]: { caption } });
    if (category) derive('category_uid', { [category.uid]: { caption: category.caption } });
    const activities = attributes.get('activity_id')?.enum ?? {};
    derive('type_uid', Object.fromEntries(Object.entries(activities).map(([id, { caption: activity }]) => [classUid * 100 + Number(id), { caption: `${caption}: ${activity}` }])));
    this.classes.set(classUid, { ...item, attributes });
  }

  /** The raw item with its includes merged and its `extends` resolved. */
  private resolved(raw: Json, items: ReadonlyMap<string, Json>): Json {
    const own = this.withIncludes(raw);
    const parentName = raw['extends'] as string | undefined;
    if (!parentName) return own;
    const parent = items.get(parentName);
    if (!parent) throw new Error(`SCHEMA: ${raw['name']} extends unknown ${parentName}`);
    const base = this.resolved(parent, items);
    const attributes = Object.fromEntries(Object.entries(deepMerge(base['attributes'], own['attributes']) as Json).filter(([, value]) => value !== null));
    return { ...base, ...own, attributes };
  }

  private withIncludes(raw: Json): Json {
    const { $include, ...own } = (raw['attributes'] ?? {}) as Json;
    let attributes: Json = own;
    for (const path of ([] as string[]).concat(($include as string | string[] | undefined) ?? [])) {
      const included = this.read(path) as { meta?: string; name: string; attributes: Record<string, Json> };
      const tag = included.meta === 'profile' ? { profile: included.name } : {};
      const tagged = Object.fromEntries(Object.entries(included.attributes).map(([name, attribute]) => [name, { ...attribute, ...tag }]));
      attributes = deepMerge(tagged, attributes) as Json;
    }
    return { ...raw, attributes };
  }

  /** Attributes over their dictionary entries. */
  private compile(resolved: Json): Item {
    const attributes = new Map<string, Attribute>();
    for (const [name, own] of Object.entries(resolved['attributes'] as Record<string, Json>)) {
      const entry = this.dictionary[name];
      if (!isObject(entry)) throw new Error(`SCHEMA: ${resolved['name']}.${name} is not in the dictionary`);
      const merged = deepMerge(entry, own) as Json;
      attributes.set(name, {
        type: merged['type'] as string,
        isArray: merged['is_array'] === true,
        requirement: merged['requirement'] as string | undefined,
        enum: merged['enum'] as EnumValues | undefined,
        sibling: merged['sibling'] as string | undefined,
        profile: merged['profile'] as string | null | undefined,
        isDeprecated: merged['@deprecated'] !== undefined,
      });
    }
    return {
      name: resolved['name'] as string,
      caption: resolved['caption'] as string,
      attributes,
      constraints: (resolved['constraints'] ?? {}) as Item['constraints'],
      isDeprecated: resolved['@deprecated'] !== undefined,
    };
  }

  private keep(items: Map<string, Json>, file: string): void {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Json;
    items.set(raw['name'] as string, raw);
  }

  private read(path: string): unknown {
    return JSON.parse(readFileSync(join(this.dir, path), 'utf8'));
  }
}

/** One event's walk through its class and objects. */
class Check {
  constructor(
    private readonly schema: OcsfSchema,
    private readonly profiles: ReadonlySet<string>,
    private readonly result: OcsfValidation,
  ) {}

  item(value: Json, item: Item, path: string): void {
    const attributes = new Map([...item.attributes].filter(([, attribute]) => !attribute.profile || this.profiles.has(attribute.profile)));
    for (const [name, attribute] of attributes) {
      const inner = value[name];
      if (inner === undefined || inner === null) {
        if (attribute.requirement === 'required') this.error(path + name, 'required attribute missing');
      } else {
        if (attribute.isDeprecated) this.warn(path + name, 'deprecated attribute');
        this.attribute(inner, attribute, path + name, value);
      }
    }
    if (attributes.size > 0) {
      for (const name of Object.keys(value)) if (!attributes.has(name)) this.error(path + name, `unknown attribute of ${item.name}`);
    }
    this.constraints(value, item, path);
  }

  private attribute(value: unknown, attribute: Attribute, path: string, parent: Json): void {
    if (!attribute.isArray) return this.value(value, attribute, path, parent);
    if (!Array.isArray(value)) return this.error(path, `expected an array of ${attribute.type}`);
    value.forEach((element, index) => this.value(element, attribute, `${path}[${index}]`, parent));
  }

  private value(value: unknown, attribute: Attribute, path: string, parent: Json): void {
    const dataType = this.schema.dataType(attribute.type);
    if (!dataType) {
      if (!isObject(value)) return this.error(path, `expected a ${attribute.type} object`);
      const object = this.schema.object(attribute.type);
      if (object.isDeprecated) this.warn(path, `deprecated object ${attribute.type}`);
      return this.item(value, object, `${path}.`);
    }
    const problem = this.primitiveProblem(value, attribute.type, dataType);
    if (problem) return this.error(path, problem);
    if (attribute.enum) this.enumValue(value, attribute, path, parent);
  }

  private primitiveProblem(value: unknown, typeName: string, dataType: Json): string | undefined {
    const base = (dataType['type'] as string | undefined) ?? typeName;
    const expected = base === typeName ? typeName : `${typeName} (${base})`;
    const isRight: Record<string, (v: unknown) => boolean> = {
      boolean_t: (v) => typeof v === 'boolean',
      integer_t: (v) => Number.isInteger(v) && (v as number) >= -(2 ** 31) && (v as number) < 2 ** 31,
      long_t: (v) => Number.isSafeInteger(v),
      float_t: (v) => typeof v === 'number' && Number.isFinite(v),
      string_t: (v) => typeof v === 'string',
      json_t: () => true,
    };
    if (!isRight[base]) return `SCHEMA: unknown base type ${base}`;
    if (!isRight[base](value)) return `expected ${expected}, got ${JSON.stringify(value)}`;
    const maxLength = dataType['max_len'] as number | undefined;
    if (typeof value === 'string' && maxLength !== undefined && value.length > maxLength) return `longer than ${maxLength} (${typeName})`;
    const regex = dataType['regex'] as string | undefined;
    if (typeof value === 'string' && regex !== undefined && !new RegExp(regex).test(value)) return `${JSON.stringify(value)} is not a ${typeName}`;
    const range = dataType['range'] as [number, number] | undefined;
    if (typeof value === 'number' && range && (value < range[0] || value > range[1])) return `${value} is outside ${typeName} ${range.join('..')}`;
    return undefined;
  }

  private enumValue(value: unknown, attribute: Attribute, path: string, parent: Json): void {
    const defined = attribute.enum![String(value)];
    if (!defined) return this.error(path, `${JSON.stringify(value)} is not a value of the enum`);
    if (defined['@deprecated'] !== undefined) this.warn(path, `deprecated enum value ${value}`);
    const sibling = attribute.sibling;
    if (attribute.isArray || !sibling || parent[sibling] === undefined) return;
    const prefix = path.slice(0, path.lastIndexOf('.') + 1);
    if (defined.caption === 'Other') {
      if (parent[sibling] === defined.caption) this.warn(prefix + sibling, 'is "Other": give the source\'s own name for Other');
    } else if (parent[sibling] !== defined.caption) {
      this.error(prefix + sibling, `${JSON.stringify(parent[sibling])} is not the caption of ${value}, ${JSON.stringify(defined.caption)}`);
    }
  }

  private constraints(value: Json, item: Item, path: string): void {
    const present = (names: readonly string[]) => names.filter((name) => value[name] !== undefined && value[name] !== null).length;
    const { at_least_one: atLeastOne, just_one: justOne, ...others } = item.constraints;
    if (atLeastOne && present(atLeastOne) === 0) this.error(path || item.name, `${item.name} needs at least one of ${atLeastOne.join(', ')}`);
    if (justOne && present(justOne) !== 1) this.error(path || item.name, `${item.name} needs exactly one of ${justOne.join(', ')}`);
    for (const name of Object.keys(others)) this.error(path || item.name, `SCHEMA: unknown constraint ${name}`);
  }

  private error(path: string, message: string): void {
    this.result.errors.push(`${path}: ${message}`);
  }

  private warn(path: string, message: string): void {
    this.result.warnings.push(`${path}: ${message}`);
  }
}

/** The OCSF server's deep merge: maps merge key by key, anything else (null included) is replaced by the right. */
function deepMerge(left: unknown, right: unknown): unknown {
  if (right === undefined) return left;
  if (!isObject(left) || !isObject(right)) return right;
  if (Object.keys(left).length === 0) return right;
  const merged: Json = { ...left };
  for (const [key, value] of Object.entries(right)) merged[key] = key in left ? deepMerge(left[key], value) : value;
  return merged;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFilesUnder(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}
