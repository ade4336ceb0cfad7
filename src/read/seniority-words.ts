/** The words a level table's seniority column may use, by language: what counts as senior and what does not. */
export const seniorityWordsByLanguage: Record<string, { senior: string[]; notSenior: string[] }> = {
  en: { senior: ['yes', 'y', 'true', 'senior'], notSenior: ['no', 'n', 'false', 'junior', 'not senior', ''] },
  es: { senior: ['sí', 'si', 'sénior', 'senior'], notSenior: ['no', 'júnior', 'junior'] },
  fr: { senior: ['oui', 'senior', 'sénior', 'confirmé'], notSenior: ['non', 'junior'] },
  de: { senior: ['ja', 'senior'], notSenior: ['nein', 'junior'] },
  pt: { senior: ['sim', 'sênior', 'sénior', 'senior'], notSenior: ['não', 'nao', 'júnior', 'junior'] },
  ja: { senior: ['はい', 'シニア', '上級'], notSenior: ['いいえ', 'ジュニア', '初級'] },
  ko: { senior: ['예', '네', '시니어'], notSenior: ['아니오', '아니요', '주니어'] },
  zh: { senior: ['是', '资深', '資深', '高级', '高級'], notSenior: ['否', '初级', '初級'] },
};

/** Words that a page or the configuration adds to the shipped ones. */
export interface SeniorityWords {
  senior: readonly string[];
  notSenior: readonly string[];
}

/** Reads seniority cells: the shipped words of every language and any added ones, ignoring case and spacing. */
export type SeniorityReader = (text: string) => boolean | null;

/** A reader of seniority cells that knows the shipped words and `extra` ones. */
export function makeSeniorityReader(...extra: readonly (SeniorityWords | undefined)[]): SeniorityReader {
  const words = new Map<string, boolean>();
  for (const { senior, notSenior } of [...Object.values(seniorityWordsByLanguage), ...extra.flatMap((set) => set ?? [])]) {
    for (const word of senior) words.set(seniorityKey(word), true);
    for (const word of notSenior) words.set(seniorityKey(word), false);
  }
  return (text) => words.get(seniorityKey(text)) ?? null;
}

function seniorityKey(word: string): string {
  return word.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
