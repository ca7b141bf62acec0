import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

const CACHED = Symbol('jointcall.cachedValidationMetadata');

/**
 * class-validator looks up a class's rules afresh for every object it validates: it filters the
 * rules of the class and walks every class that has rules to find its ancestors, then groups the
 * result by property. The rules are fixed once the classes are defined, so this keeps each answer
 * per class and options, and each grouping per answer; adding a rule (a class defined later)
 * forgets them all. On the draft save the lookups were about 3% of the api's main thread and 6%
 * of the memory it allocated (docs/performance.md). The storage is class-validator's one global
 * instance, which its validator reads; installing twice changes nothing.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [CACHED]?: true };
  if (patched[CACHED]) return;
  patched[CACHED] = true;
  let answers = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groupings = new WeakMap<ValidationMetadata[], Grouped>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${groups?.join('\u0001') ?? ''}`;
    let byKey = answers.get(target);
    if (byKey === undefined) answers.set(target, (byKey = new Map<string, ValidationMetadata[]>()));
    let answer = byKey.get(key);
    if (answer === undefined) byKey.set(key, (answer = lookUp(target, schema, always, strictGroups, groups)));
    return answer;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (grouped === undefined) groupings.set(metadata, (grouped = group(metadata)));
    return grouped;
  };
  const forget = () => {
    answers = new WeakMap();
    groupings = new WeakMap();
  };
  for (const name of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = (storage[name] as (...args: unknown[]) => void).bind(storage);
    (storage[name] as (...args: unknown[]) => void) = (...args: unknown[]) => {
      forget();
      add(...args);
    };
  }
}
