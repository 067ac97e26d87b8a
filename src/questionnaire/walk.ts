import type { PathSegment } from '../validation/problems.ts';
import { answerType } from './answerTypes.ts';
import type { LocalizedText, Pillar, Question, Questionnaire } from './schema.ts';

export interface LocatedText {
  path: PathSegment[];
  text: LocalizedText;
}

export interface LocatedQuestion {
  pillar: Pillar;
  question: Question;
  path: PathSegment[];
}

/** Every question in document order (pillar by pillar), with its path in the file. */
export function questionsInOrder(questionnaire: Questionnaire): LocatedQuestion[] {
  return questionnaire.pillars.flatMap((pillar, p) =>
    pillar.questions.map((question, q) => ({ pillar, question, path: ['pillars', p, 'questions', q] })),
  );
}

/** Every piece of translatable text in a questionnaire, with its path. */
export function localizedTexts(questionnaire: Questionnaire): LocatedText[] {
  const texts: LocatedText[] = [];
  const add = (path: PathSegment[], text: LocalizedText | undefined) => {
    if (text) texts.push({ path, text });
  };
  add(['title'], questionnaire.title);
  add(['description'], questionnaire.description);
  questionnaire.references?.forEach((reference, r) => {
    add(['references', r, 'title'], reference.title);
    add(['references', r, 'publisher'], reference.publisher);
    add(['references', r, 'note'], reference.note);
  });
  questionnaire.pillars.forEach((pillar, p) => {
    add(['pillars', p, 'title'], pillar.title);
    add(['pillars', p, 'description'], pillar.description);
    add(['pillars', p, 'rationale'], pillar.rationale);
  });
  for (const { question, path } of questionsInOrder(questionnaire)) {
    add([...path, 'text'], question.text);
    add([...path, 'help'], question.help);
    add([...path, 'action'], question.action);
    for (const own of answerType(question).texts(question)) add([...path, ...own.path], own.text);
  }
  // Earlier versions' questions, kept to show earlier answers: texts like any other.
  questionnaire.carryOver?.forEach((set, s) =>
    set.questions.forEach((carried, c) => {
      const path: PathSegment[] = ['carryOver', s, 'questions', c];
      if (carried.carry === 'same') return add([...path, 'check'], carried.check);
      add([...path, 'text'], carried.text);
      if (carried.carry === 'map')
        carried.options?.forEach((option, o) => add([...path, 'options', o, 'label'], option.label));
      add([...path, 'note'], carried.note);
    }),
  );
  return texts;
}
