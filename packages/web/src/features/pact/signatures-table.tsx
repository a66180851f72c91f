import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/components/data-table.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import type { PactDocument, VersionSummary } from './pact.types.ts';

interface Row {
  code: string;
  name: string;
  state: 'signed' | 'missing' | 'invalid' | 'not-required';
  at: string | null;
  publicKey: string | null;
}

const rowsOf = (document: PactDocument, summary: VersionSummary): Row[] =>
  [...document.parties, document.hub].map((member) => {
    const isHub = member.code === document.hub.code;
    const signature = summary.signatures.find((s) => s.party === member.code);
    const { signed, invalid } = summary.signatureStatus;
    // Only the parties' signatures put a version in force; the hub may sign too.
    const state = signed.includes(member.code) ? 'signed' : invalid.includes(member.code) ? 'invalid' : isHub ? (signature ? 'signed' : 'not-required') : 'missing';
    return { code: member.code, name: member.name, state, at: signature?.at ?? null, publicKey: member.node?.publicKey ?? null };
  });

/** Who signed this version, when, and with which key (its SHA-256 fingerprint). */
export const SignaturesTable = ({ document, summary }: { document: PactDocument; summary: VersionSummary }) => {
  const { t, i18n } = useTranslation();
  const rows = rowsOf(document, summary);
  return (
    <DataTable
      caption={t('pact.signaturesCaption', { signed: summary.signatureStatus.signed.length, total: document.parties.length })}
      testId="signatures-table"
      rows={rows}
      rowKey={(row) => row.code}
      columns={[
        { key: 'party', header: t('pact.party'), cell: (row) => `${row.name} (${row.code})`, sortValue: (row) => row.name },
        {
          key: 'state',
          header: t('pact.signatureState'),
          cell: (row) => (
            <span className={`signature-${row.state}`}>
              <span aria-hidden="true">{row.state === 'signed' ? '✓ ' : row.state === 'invalid' ? '✕ ' : '… '}</span>
              {t(`pact.signature.${row.state}`)}
            </span>
          ),
          sortValue: (row) => row.state,
        },
        { key: 'at', header: t('pact.signedAt'), cell: (row) => (row.at ? <time dateTime={row.at}>{formatDateTime(row.at, i18n.language)}</time> : '—') },
        { key: 'key', header: t('pact.keyFingerprint'), cell: (row) => (row.publicKey ? <Fingerprint publicKey={row.publicKey} /> : t('pact.noKey')) },
      ]}
    />
  );
};

const Fingerprint = ({ publicKey }: { publicKey: string }) => {
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    keyFingerprint(publicKey).then(
      (value) => live && setFingerprint(value ?? publicKey),
      () => live && setFingerprint(publicKey),
    );
    return () => {
      live = false;
    };
  }, [publicKey]);
  return <code className="details" title={publicKey}>{fingerprint ?? '…'}</code>;
};
