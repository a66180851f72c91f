import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { codeSegments, splitReason } from './plain-words.ts';
import type { ClauseKind, PactState } from './pact.types.ts';

/** Plain-words text from the node, with `identifiers` shown as code. */
export const PlainText = ({ text }: { text: string }) => (
  <>
    {codeSegments(text).map((segment, index) =>
      segment.code ? <code key={index}>{segment.text}</code> : <Fragment key={index}>{segment.text}</Fragment>,
    )}
  </>
);

/**
 * A decision reason: its code as a sentence in the reader's language when
 * the dictionary knows it, then the node's detail (English, marked so).
 */
export const ReasonText = ({ reason }: { reason: string }) => {
  const { t, i18n } = useTranslation();
  const { code, detail } = splitReason(reason);
  const known = code !== null && i18n.exists(`errors.${code}`);
  return (
    <span className="reason" data-reason-code={code ?? undefined}>
      {known ? <span className="reason-sentence">{t(`errors.${code}`)} </span> : null}
      <span className="reason-detail" lang="en">
        <PlainText text={known ? detail : reason} />
      </span>
    </span>
  );
};

export const KindBadge = ({ kind }: { kind: ClauseKind | string }) => {
  const { t } = useTranslation();
  return <span className={`badge kind-${kind}`}>{t(`clauseKinds.${kind}`, { defaultValue: kind })}</span>;
};

export const StateBadge = ({ state }: { state: PactState }) => {
  const { t } = useTranslation();
  return <span className={`badge state-${state}`}>{t(`terms.${state}`)}</span>;
};

export const EffectBadge = ({ effect }: { effect: 'permit' | 'deny' }) => {
  const { t } = useTranslation();
  // A sign beside the word, so the effect never rests on colour alone.
  return (
    <span className={`badge effect-${effect}`}>
      <span aria-hidden="true">{effect === 'permit' ? '✓ ' : '✕ '}</span>
      {t(`decision.${effect}`)}
    </span>
  );
};
