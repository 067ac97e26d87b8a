/**
 * The `instructions` sheet of a translation workbook (see translations.ts), in the six UN
 * languages: what to fill in and how it comes back. Part of the workbook, not of the interface,
 * so it is loaded with the spreadsheet code (outside the offline precache), not with the
 * interface messages every device keeps. `{id}` is the questionnaire's id.
 */
const INSTRUCTIONS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'Translation workbook of the questionnaire “{id}”: every text of it, one row a text, on the sheet “texts”.',
    'Fill the column of your language (ar, en, es, fr, ru, zh). Leave a language you do not translate empty.',
    'Do not change the columns “key” and “source”: they tell Baseline which text each row is and what it was translated from.',
    'A language is added only when every one of its cells is filled. A text you change in a language the questionnaire already has replaces the old one.',
    'Bring the filled workbook back to Baseline: under Questionnaires, “Import translations” on the same questionnaire (or npm run workbook -- translations <questionnaire.json> <workbook.xlsx> <out.json>). The result is the questionnaire’s next version; assessments keep their answers.',
    'It is checked like any questionnaire. A row whose source text has changed since this workbook was written is refused: check its translation, then copy the current source text into its “source” cell.',
  ],
  ar: [
    'مصنف ترجمة الاستبيان "{id}": جميع نصوصه، نص في كل صف، في الورقة "texts".',
    'املأ عمود لغتك (ar، en، es، fr، ru، zh). اترك فارغًا عمود أي لغة لا تترجم إليها.',
    'لا تغيّر العمودين "key" و"source": فبهما يعرف Baseline أي نص في كل صف ومن أي نص تُرجم.',
    'لا تُضاف لغة إلا عندما تُملأ كل خلاياها. والنص الذي تغيّره في لغة موجودة في الاستبيان يحل محل النص السابق.',
    'أعد المصنف بعد ملئه إلى Baseline: في "الاستبيانات"، اختر "استيراد الترجمات" للاستبيان نفسه (أو npm run workbook -- translations <questionnaire.json> <workbook.xlsx> <out.json>). والنتيجة هي الإصدار التالي من الاستبيان؛ وتحتفظ التقييمات بإجاباتها.',
    'يُفحص كأي استبيان. ويُرفض الصف الذي تغيّر نصه المصدر منذ كتابة هذا المصنف: راجع ترجمته، ثم انسخ النص المصدر الحالي في خليته "source".',
  ],
  es: [
    'Libro de traducción del cuestionario «{id}»: todos sus textos, uno por fila, en la hoja «texts».',
    'Rellene la columna de su idioma (ar, en, es, fr, ru, zh). Deje vacío un idioma que no traduzca.',
    'No cambie las columnas «key» y «source»: indican a Baseline qué texto es cada fila y de qué texto se tradujo.',
    'Un idioma solo se añade cuando todas sus celdas están rellenas. Un texto que cambie en un idioma que el cuestionario ya tiene sustituye al anterior.',
    'Devuelva el libro completado a Baseline: en Cuestionarios, «Importar traducciones» en el mismo cuestionario (o npm run workbook -- translations <cuestionario.json> <libro.xlsx> <salida.json>). El resultado es la versión siguiente del cuestionario; las evaluaciones conservan sus respuestas.',
    'Se comprueba como cualquier cuestionario. Una fila cuyo texto de origen haya cambiado desde que se escribió este libro se rechaza: revise su traducción y copie el texto de origen actual en su celda «source».',
  ],
  fr: [
    'Classeur de traduction du questionnaire « {id} » : tous ses textes, un par ligne, sur la feuille « texts ».',
    'Remplissez la colonne de votre langue (ar, en, es, fr, ru, zh). Laissez vide une langue que vous ne traduisez pas.',
    'Ne modifiez pas les colonnes « key » et « source » : elles indiquent à Baseline quel texte est sur chaque ligne et de quel texte il a été traduit.',
    'Une langue n’est ajoutée que lorsque toutes ses cellules sont remplies. Un texte modifié dans une langue que le questionnaire a déjà remplace l’ancien.',
    'Rapportez le classeur rempli dans Baseline : sous Questionnaires, « Importer des traductions » sur le même questionnaire (ou npm run workbook -- translations <questionnaire.json> <classeur.xlsx> <sortie.json>). Le résultat est la version suivante du questionnaire ; les évaluations gardent leurs réponses.',
    'Il est vérifié comme tout questionnaire. Une ligne dont le texte source a changé depuis l’écriture de ce classeur est refusée : vérifiez sa traduction, puis copiez le texte source actuel dans sa cellule « source ».',
  ],
  ru: [
    'Книга для перевода анкеты «{id}»: все её тексты, по одному в строке, на листе «texts».',
    'Заполните столбец своего языка (ar, en, es, fr, ru, zh). Язык, на который вы не переводите, оставьте пустым.',
    'Не меняйте столбцы «key» и «source»: по ним Baseline узнаёт, какой текст в строке и с какого текста он переведён.',
    'Язык добавляется, только когда заполнены все его ячейки. Текст, изменённый на языке, который в анкете уже есть, заменяет прежний.',
    'Верните заполненную книгу в Baseline: в разделе «Анкеты» — «Загрузить переводы» у той же анкеты (или npm run workbook -- translations <анкета.json> <книга.xlsx> <результат.json>). Получится следующая версия анкеты; оценки сохраняют свои ответы.',
    'Она проверяется, как любая анкета. Строка, исходный текст которой изменился после записи этой книги, отклоняется: проверьте перевод и скопируйте текущий исходный текст в её ячейку «source».',
  ],
  zh: [
    '问卷“{id}”的翻译工作簿：其全部文本，每行一条，位于工作表“texts”。',
    '填写您所译语言的列（ar、en、es、fr、ru、zh）。不翻译的语言请留空。',
    '请勿修改“key”和“source”两列：Baseline 据此识别每行是哪条文本、译自哪段原文。',
    '只有一种语言的所有单元格都填好后，才会添加该语言。在问卷已有的语言中修改的文本会替换原文本。',
    '将填好的工作簿带回 Baseline：在“问卷”中，对同一问卷点击“导入译文”（或使用 npm run workbook -- translations <questionnaire.json> <workbook.xlsx> <out.json>）。结果为该问卷的下一个版本；评估保留其答案。',
    '它会像任何问卷一样接受检查。自本工作簿写出以来源文本已更改的行会被拒绝：请核对其译文，然后将当前源文本复制到其“source”单元格。',
  ],
};

/** The instructions in `language`, or in English when it has none. */
export function translationInstructions(language: string, id: string): string[] {
  return (INSTRUCTIONS[language] ?? INSTRUCTIONS.en!).map((line) => line.replaceAll('{id}', id));
}
