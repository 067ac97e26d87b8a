import { useI18n } from 'vue-i18n';
import { misplacedKind, type FileKind } from '../../transfer/fileKind.ts';

/** Says what a file brought to the wrong place is, and where it belongs. */
export function useWrongFile() {
  const { t } = useI18n();

  const kindText = (kind: FileKind, file: string) => t(`wrongFile.${kind}`, { file });

  /** The sentence for a file of another kind than those accepted here; `undefined` otherwise. */
  function wrongFileText(data: unknown, file: string, accepted: readonly FileKind[]): string | undefined {
    const kind = misplacedKind(data, accepted);
    return kind && kindText(kind, file);
  }

  return { wrongFileText, kindText };
}
