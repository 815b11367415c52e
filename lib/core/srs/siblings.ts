// Sibling burying, as Anki does it: once one card of a family was answered today, the family's
// other cards stay out of the queue and of cram until the learner's next day starts. A family
// is lib/core/questions/family.ts' questionFamily: the questions of one generator template
// (only a number changes), or the flashcard and cloze of one note fact. Seeing one teaches the
// others' answer, so showing a sibling the same day measures recognition, not memory.
//
// The answered card itself is not buried: its learning steps still bring it back today.
// Nothing is stored: the burial follows from today's review logs, so an undo (which deletes
// the log) lifts it, and the next day start ends it without a write.

export interface FamilyMember {
  questionId: string;
  family: string;
}

/**
 * Question ids buried today: the members of a family answered today that were not themselves
 * answered today. `answeredToday` and `members` may repeat; order does not matter.
 */
export function buriedSiblingIds(answeredToday: readonly FamilyMember[], members: readonly FamilyMember[]): Set<string> {
  const answeredFamilies = new Set(answeredToday.map((member) => member.family));
  const answeredQuestions = new Set(answeredToday.map((member) => member.questionId));
  const buried = new Set<string>();
  for (const member of members) {
    if (answeredFamilies.has(member.family) && !answeredQuestions.has(member.questionId)) buried.add(member.questionId);
  }
  return buried;
}

/**
 * The first item of each family, in the given order (a queue or cram session shows one card
 * per family; the rest would be buried as soon as the first is answered). Items without a
 * known family (`familyOf` → null) each stand alone.
 */
export function firstOfEachFamily<T>(items: readonly T[], familyOf: (item: T) => string | null | undefined): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of items) {
    const family = familyOf(item);
    if (family != null) {
      if (seen.has(family)) continue;
      seen.add(family);
    }
    result.push(item);
  }
  return result;
}

/** How many questions, counting a family once ("N문제" in scope counts and filters). */
export function countFamilies(families: Iterable<string>): number {
  return new Set(families).size;
}
