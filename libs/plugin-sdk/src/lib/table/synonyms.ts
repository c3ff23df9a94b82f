import { normaliseLabel } from '../text/normalise';

/**
 * The SDK's synonym catalogue for header words. Platforms of the same province print the
 * same figure under different words (办件量 in one county's export, 办件数 or 受理量 in the
 * next), so a mapping names the figure once and the catalogue supplies the variants.
 *
 * Each group lists words that mean the same figure. A mapping's header label matches a
 * printed label through the catalogue when the printed one is the mapping's label with one
 * word of a group replaced by another word of the same group: 办件量 also matches 办件数,
 * and 线上办件数 also matches 线上办件量. A synonym is only tried for a column the mapping's
 * own words do not find, so a printed label the mapping names is never shadowed.
 */
export type SynonymGroups = readonly (readonly string[])[];

export const HEADER_SYNONYM_GROUPS: SynonymGroups = [
  // Cases and their volume.
  ['办件量', '办件数', '办件数量', '办件总量', '办件总数', '受理量', '受理件数', '受理数'],
  ['即办件', '即办件数', '即办事项', '即时办结件'],
  ['即办件事项数', '即办事项数', '即办件数量'],
  ['承诺件', '承诺件数'],
  // Evaluations (好差评).
  ['评价数', '评价次数', '评价量', '评价总数', '评价件数', '参评数', '投票数'],
  ['差评数', '差评量', '差评件数', '差评次数'],
  ['好评数', '好评量', '好评次数'],
  ['好评率', '好评占比'],
  ['差评率', '差评占比'],
  ['满意率', '满意度'],
  ['参评率', '评价率'],
  ['主动评价率', '主动参评率', '主评率'],
  ['差评整改率', '差评整改完成率'],
  // Coverage and completion.
  ['覆盖率', '覆盖度'],
  ['办结率', '按期办结率'],
  ['超期', '逾期'],
  ['超期件', '逾期件', '超期办件', '逾期办件'],
  ['超期率', '逾期率'],
  ['完成率', '完成比例'],
  ['占比', '比例', '所占比例', '比重'],
  // Units (the row names' column).
  ['单位', '单位名称', '部门', '部门名称', '单位/部门', '部门/单位'],
  ['乡镇(街道)', '乡镇(街道)名称', '乡镇街道', '镇(街道)'],
  ['事项数', '事项数量', '事项个数'],
  ['事项总数', '事项总量', '事项合计'],
];

/** Compiled catalogue: for each normalised word, the normalised words of its groups. */
export interface SynonymCatalogue {
  /** Normalised word → the other words of every group it belongs to (normalised). */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Words by length, longest first, so 办件量 is replaced before 办件. */
  readonly byLength: readonly string[];
}

function compile(groups: SynonymGroups): SynonymCatalogue {
  const words = new Map<string, Set<string>>();
  for (const group of groups) {
    const keys = [...new Set(group.map(normaliseLabel).filter((k) => k.length >= 2))];
    for (const key of keys) {
      const set = words.get(key) ?? new Set<string>();
      for (const other of keys) if (other !== key) set.add(other);
      words.set(key, set);
    }
  }
  const frozen = new Map<string, readonly string[]>(
    [...words].map(([key, set]) => [key, [...set]] as const),
  );
  const byLength = [...frozen.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { words: frozen, byLength };
}

/** The SDK's catalogue, as every table reads headers unless its spec adds groups. */
export const DEFAULT_SYNONYM_CATALOGUE: SynonymCatalogue = compile(HEADER_SYNONYM_GROUPS);

const extended = new WeakMap<SynonymGroups, SynonymCatalogue>();

/**
 * The SDK's catalogue plus a plugin's own groups (a province's own words for a figure).
 * A plugin's group that shares a word with an SDK group joins it: both sets of variants
 * apply. Compiled once per groups array.
 */
export function extendSynonyms(groups: SynonymGroups | undefined): SynonymCatalogue {
  if (!groups || groups.length === 0) return DEFAULT_SYNONYM_CATALOGUE;
  const cached = extended.get(groups);
  if (cached) return cached;
  const catalogue = compile([...HEADER_SYNONYM_GROUPS, ...groups]);
  extended.set(groups, catalogue);
  return catalogue;
}

/**
 * The variants of one normalised label: the label with one catalogue word replaced by
 * another word of its group. Each variant remembers the word it put in, for the report
 * ("synonym '办件数'").
 */
export function labelVariants(
  label: string,
  catalogue: SynonymCatalogue = DEFAULT_SYNONYM_CATALOGUE,
): Array<{ label: string; word: string; replaces: string }> {
  const out: Array<{ label: string; word: string; replaces: string }> = [];
  const seen = new Set<string>([label]);
  for (const word of catalogue.byLength) {
    let from = label.indexOf(word);
    while (from >= 0) {
      for (const other of catalogue.words.get(word) ?? []) {
        const variant = label.slice(0, from) + other + label.slice(from + word.length);
        if (seen.has(variant)) continue;
        seen.add(variant);
        out.push({ label: variant, word: other, replaces: word });
      }
      from = label.indexOf(word, from + 1);
    }
  }
  return out;
}
