/**
 * What a refused file or setting is told in: a code for each kind of problem, with the values
 * that fill it in, and its English wording. The command line and logs print the English; the
 * interface translates the code (`problems.<code>` in each locale, a test checks every code
 * is there with the same placeholders), so a person reads the reason in their own language.
 *
 * Templates use `{name}` placeholders, the syntax vue-i18n uses too. A value may be a term
 * (`{ term: 'text' }`), a word such as "a text" that is itself translated before it is put in.
 */
export const PROBLEM_MESSAGES = {
  // What a schema found, in words (from Zod's issues).
  'schema.type': 'expected {expected}, found {found}',
  'schema.value': 'expected {value}',
  'schema.oneOf': 'expected one of {values}',
  'schema.emptyText': 'expected a text that is not empty',
  'schema.textTooShort': 'expected a text of at least {minimum} characters',
  'schema.textTooLong': 'expected a text of at most {maximum} characters',
  'schema.tooFewItems': 'expected at least {minimum} items',
  'schema.tooManyItems': 'expected at most {maximum} items',
  'schema.itemCount': 'expected exactly {count} items',
  'schema.numberAtLeast': 'expected a number of at least {minimum}',
  'schema.numberAbove': 'expected a number above {minimum}',
  'schema.numberAtMost': 'expected a number of at most {maximum}',
  'schema.numberBelow': 'expected a number below {maximum}',
  'schema.unknownKeys': 'not part of this format: {keys}',
  'schema.badKey': 'the key {key} is not allowed here',
  'schema.form': 'this value fits none of the forms allowed here',
  'schema.textForm': 'this text does not have the form expected here',
  'schema.other': 'this value is not valid here',

  // Named expectations, written in the schemas with `expected()`.
  'expected.dateTime': 'expected a date and time such as "2026-03-01T10:00:00Z"',
  'expected.date': 'expected a date such as "2026-03-01"',
  'expected.fileVersion': 'expected {value}, the version of Baseline files this app reads',
  'expected.onlyKdf': 'expected {value}, the only key derivation Baseline uses',
  'expected.onlyHash': 'expected {value}, the only hash Baseline uses',
  'expected.onlyCipher': 'expected {value}, the only cipher Baseline uses',
  'expected.onlyKeyLength': 'expected {value}, the only key length Baseline uses',
  'expected.base64Bytes': 'expected {bytes} bytes in base64',
  'expected.base64': 'expected base64 text',
  'expected.recordId': 'expected an id of up to 100 letters, digits, "-" or "_"',
  'expected.itemId': 'expected an id of lower-case letters, digits, and "-", "_" or "." between them',
  'expected.finiteNumber': 'expected a finite number',
  'expected.weight': 'expected a weight from 0 to {maximum}',
  'expected.target': 'expected a target from 0 to 100',
  'expected.answerValue': 'expected a text, a number, or a list of option ids',
  'expected.responseKind': 'expected a response of kind "value", "notApplicable" or "dontKnow"',
  'expected.version': 'expected a version such as "1.0.0"',
  'expected.languageCode': 'expected a language code such as "en" or "ru"',
  'expected.sourceId':
    'expected a clause id such as "R130/resolves/sme-problems", or the id of one of the questionnaire’s references',
  'expected.someLanguage': 'expected text in at least one language',
  'expected.condition':
    'expected a condition: "question" with one of "equals", "in", "notIn", "atLeast", "atMost" or "includes"; "all" or "any" with a list of conditions; or "not" with a condition',
  'expected.levels':
    'expected "levels": a list of {minimum} to {maximum} level descriptors, the first for level 0',
  'expected.webAddress': 'expected a web address starting with "https://" or "http://"',
  'expected.profileKind': 'expected "kind": {value} (is this a weight profile?)',
  'expected.participantId': 'expected a participant id',
  'expected.checksum': 'expected "sha256:" and 64 hex digits',
  'expected.workshopId': 'expected a workshop id of 13 letters and digits',
  'expected.publicKey': 'expected a public key: 32 bytes in base64',
  'expected.answerCount': 'expected at most {maximum} answers',
  'expected.answerUnderId': 'expected each answer to be filed under its own question id',
  'expected.groupLabel': 'expected a "label" for a group that is not one of the default groups',
  'expected.uniqueGroups': 'expected every group to have an id of its own; two have the same',

  // Limits every file read from outside is held to.
  'file.tooLarge': 'the file is {size} MB; Baseline opens files of up to {limit} MB',
  'file.notText': 'this is not a text file; Baseline files are JSON text',
  'file.notJson': 'the file is not valid JSON, perhaps cut short or edited by hand ({detail})',
  'file.tooManyValues': 'the file holds more than {limit} values; it cannot be a Baseline file',
  'file.textTooLong':
    'a text of {length} characters is longer than any Baseline file holds (at most {limit})',
  'file.tooDeep': 'values are nested more than {limit} levels deep; a Baseline file is much flatter',
  'file.forbiddenKey': 'the key "{key}" is not allowed in a Baseline file',
  'file.tooManyMembers':
    'a group of named values has {count} members, more than any Baseline file holds (at most {limit})',
  'file.tooManyItems': 'a list has {count} items, more than any Baseline file holds (at most {limit})',
  'file.brokenText':
    'a text holds a broken character (half of a UTF-16 surrogate pair): the file was damaged, or made by a faulty program',
  'file.notFinite': 'a number is too large to be read; Baseline files hold only finite numbers',

  // Importing an assessment or a backup.
  'import.notBaseline': 'this is not a Baseline export or backup (expected "format" to be one of {formats})',
  'import.newerFile':
    'this file was made by a newer version of Baseline (file version {version}; this app reads version {supported}): update the app, then import it again',
  'import.cannotDecrypt':
    'this file is encrypted, and this page cannot decrypt it: the browser offers encryption only to the installed app or a page opened over https',
  'import.wrongPassphrase': 'the passphrase is wrong, or the file was changed after it was encrypted',
  'import.notBaselineInside': 'the decrypted content is not a Baseline file',
  'import.containsMismatch': 'the decrypted content is not what the file says it holds',
  'import.duplicateId': 'two assessments in this backup have the same id',
  'import.unknownQuestionnaire':
    'the questionnaire "{questionnaire}" is not built into this version of Baseline nor added on this device, so these answers cannot be opened here: add the questionnaire from its file under Questionnaires, then import again',
  'import.newerQuestionnaire':
    'made with version {version} of the questionnaire "{questionnaire}", newer than this app’s {current}: update Baseline, then import again',
  'import.answeredTwice': 'the question "{question}" is answered twice',
  'import.noSuchQuestion':
    'version {version} of the questionnaire "{questionnaire}" has no question "{question}"',
  'import.notOneOf': 'not an answer the question "{question}" accepts: expected one of {choices}',
  'import.notListOf': 'not an answer the question "{question}" accepts: expected a list of {choices}',
  'import.notText': 'not an answer the question "{question}" accepts: expected a text',
  'import.notNumber': 'not an answer the question "{question}" accepts: expected {number}',
  'import.notNumberBetween':
    'not an answer the question "{question}" accepts: expected {number} from {minimum} to {maximum}',
  'import.notNumberAtLeast':
    'not an answer the question "{question}" accepts: expected {number} of at least {minimum}',
  'import.notNumberAtMost':
    'not an answer the question "{question}" accepts: expected {number} of at most {maximum}',

  // A questionnaire written in a workbook (.xlsx).
  'workshop.carriedQuestionnaire':
    'the questionnaire this set-up file carries is "{carried}" version {carriedVersion}, but the workshop uses "{id}" version {version}',
  'workbook.unreadable': 'this file cannot be read as a workbook (.xlsx): {reason}',
  'workbook.missingSheet': 'the workbook has no sheet named "{sheet}"',
  'workbook.badJson':
    'the column "{column}" expects JSON (a condition, or a list of steps), written as the questionnaires README shows',
  'workbook.unknownParent': 'no row of the sheet "{sheet}" has the id "{id}"',
  'workbook.levelOrder': 'the levels of "{question}" must be numbered 0, 1, 2 … in order, one row each',

  // A translation workbook brought back (src/workbook/translations.ts).
  'translation.otherQuestionnaire':
    'this translation workbook is for the questionnaire "{found}", not "{expected}"',
  'translation.missingColumn': 'the sheet "texts" has no column "{column}"',
  'translation.unknownKey': 'the questionnaire has no text with the key "{key}"; do not change the keys',
  'translation.duplicateKey': 'the key "{key}" is already on row {row}',
  'translation.missingKey': 'no row for the text "{key}"; write the translation workbook again',
  'translation.sourceChanged':
    'the source of "{key}" changed since the export: check the translation, copy the source',
  'translation.emptyCell': '"{key}" has no text in "{language}": fill every cell of a language, or none',

  // A participant's answers reaching the facilitator.
  'answers.tooLarge':
    'the file is larger than {limit} MB, far more than a participant’s answers; it is not a Baseline answers file',
  'answers.checksum':
    'the checksum does not match: the file was changed or damaged after the participant saved it. Ask for it again.',
  'answers.otherWorkshop':
    'these answers belong to another workshop (id {found}), not to “{name}” (id {expected})',
  'answers.otherQuestionnaire':
    'these answers are to questionnaire “{questionnaire}” version {version}, but this workshop uses “{expectedQuestionnaire}” version {expectedVersion}',
  'answers.notSealed':
    'this workshop seals answers to the facilitator’s key, but these answers are not sealed; they were not made by the workshop’s set-up',
  'answers.cannotOpen':
    'the answers are sealed, and this workshop’s key does not open them: they were sealed for another workshop or changed on the way',
  'answers.unknownGroup': '“{group}” is not one of this workshop’s stakeholder groups',
  'answers.unknownQuestion': '“{question}” is not a question of questionnaire “{questionnaire}”',
  'answers.notPossible': '{value} is not a possible answer to this question',

  // Weight profiles.
  'profile.tooLarge':
    'the file is {size} KB; a weight profile is a few KB at most (limit {limit} KB), so this is not one',
  'profile.bandTwice': 'band id "{band}" is used twice',
  'profile.bandOrder':
    'expected bands from the highest to the lowest: "{band}" starts at {from}, which is not below "{previous}" ({previousFrom})',
  'profile.lastBand': 'expected the last band to start at 0, so that every score has a band; found {from}',
  'profile.unknownQuestionnaire': 'no questionnaire "{questionnaire}" is built into the app (known: {known})',
  'profile.noQuestionnaire':
    'this profile is for questionnaire(s) {questionnaires}, none of which is in this app (known: {known})',
  'profile.noPillar': 'no pillar "{pillar}" in {questionnaires}',
  'profile.noQuestion': 'no question "{question}" in {questionnaires}',
  'profile.unknownClause': 'cites "{clause}", which is not in the clause registry',
  'profile.mustCite': 'expected the rationale to cite the resolution’s clause ids in every language',

  // Weights that cannot give a score.
  'weights.invalidPillar':
    'The weight of pillar "{pillar}" must be a number from 0 to {maximum}; found {found}.',
  'weights.invalidGciPillar':
    'The weight of GCI pillar "{pillar}" must be a number from 0 to {maximum}; found {found}.',
  'weights.invalidQuestion':
    'The weight of question "{question}" must be a number from 0 to {maximum}; found {found}.',
  'weights.allPillarsZero':
    'Every pillar has weight 0, so no overall score can be computed: under “Weights and targets”, give at least one pillar a weight above 0, or choose another weight profile.',
  'weights.allGciPillarsZero':
    'Every GCI pillar has weight 0, so no overall score can be computed: under “Weights and targets”, give at least one GCI pillar a weight above 0, or choose another weight profile.',
  'weights.pillarQuestionsZero':
    'Every question in pillar "{pillar}" has weight 0, but the pillar itself does not: give one of its questions a weight above 0, or give the pillar weight 0.',
  'weights.gciPillarQuestionsZero':
    'Every question in GCI pillar "{pillar}" has weight 0, but the GCI pillar itself does not: give one of its questions a weight above 0, or give the GCI pillar weight 0.',

  /** Added to any of the above when the place in the file belongs to a pillar, question or questionnaire. */
  within: '{message} (in "{id}")',
} as const;

/** Words put into messages, translated with them (`problems.terms.<term>`). */
export const PROBLEM_TERMS = {
  text: 'a text',
  number: 'a number',
  wholeNumber: 'a whole number',
  boolean: 'true or false',
  object: 'a group of named values',
  array: 'a list',
  null: 'null',
  nothing: 'nothing',
  value: 'a value',
  notANumber: 'a value that is not a number',
  infinity: 'an infinite number',
} as const;

type MessageKey = keyof typeof PROBLEM_MESSAGES;
export type ProblemCode = Exclude<MessageKey, 'within'>;
export type ProblemTerm = keyof typeof PROBLEM_TERMS;
export type ProblemValue = string | number | { term: ProblemTerm };
export type ProblemParams = Readonly<Record<string, ProblemValue>>;

/** Something refused, said so that any language can say it: a code with its values, and the English. */
export interface Explained {
  /** In English, for the command line and logs; the interface translates `code` instead. */
  message: string;
  /** Absent only for problems the command line alone reports (a questionnaire's authoring rules). */
  code?: ProblemCode;
  params?: ProblemParams;
  /** The id of the pillar, question or questionnaire the problem is in, when that helps to find it. */
  within?: string;
}

/**
 * A problem read from elsewhere (the room server's answer), kept with its code when this app
 * knows the code and every term in it; otherwise with its English message alone.
 */
export function knownExplanation(found: {
  message: string;
  code?: string;
  params?: Readonly<Record<string, string | number | { term: string }>>;
  within?: string;
}): Explained {
  const { message, code, params = {}, within } = found;
  const termsKnown = Object.values(params).every(
    (value) => typeof value !== 'object' || Object.hasOwn(PROBLEM_TERMS, value.term),
  );
  if (code === undefined || code === 'within' || !Object.hasOwn(PROBLEM_MESSAGES, code) || !termsKnown)
    return { message };
  return {
    message,
    code: code as ProblemCode,
    params: params as ProblemParams,
    ...(within === undefined ? {} : { within }),
  };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a template uses, for the check that translations keep them. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

/** Fills a template; a value missing from `params` is left as its placeholder, visibly. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}

export function englishValue(value: ProblemValue): string {
  return typeof value === 'object' ? PROBLEM_TERMS[value.term] : String(value);
}

/** The English sentence for a code: what the command line prints and the fallback everywhere. */
export function englishMessage(code: MessageKey, params: ProblemParams = {}): string {
  const filled = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, englishValue(value)]),
  );
  return fillTemplate(PROBLEM_MESSAGES[code], filled);
}

/** A list of values for a message: `"a", "b", "c"`. */
export function quotedList(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}
