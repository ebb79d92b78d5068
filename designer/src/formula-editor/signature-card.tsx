import type { FunctionDoc } from '../../../engine/expressions/index.js';
import { useI18n } from '../i18n/index.js';

/** A function's signature with the parameter being written in bold, its help and an example. */
export function SignatureCard({ doc, param }: { doc: FunctionDoc; param?: string | undefined }) {
  const { t, locale } = useI18n();
  const open = doc.signature.indexOf('(');
  const head = open === -1 ? doc.signature : doc.signature.slice(0, open + 1);
  const parts = open === -1 ? [] : doc.signature.slice(open + 1).split(/(\w+)/);
  return (
    <div className="fx-help" role="note" data-testid="formula-help">
      <code className="fx-signature">
        {head}
        {parts.map((part, index) =>
          param !== undefined && part === param ? (
            <strong key={index} className="fx-param">
              {part}
            </strong>
          ) : (
            <span key={index}>{part}</span>
          ),
        )}
      </code>
      <p>{doc.help[locale]}</p>
      <p className="fx-muted">{t('formula.example', { source: doc.example.source })}</p>
    </div>
  );
}
