/**
 * A party's signing key, shown as a fingerprint: SHA-256 over the 32 raw
 * Ed25519 key bytes, in unpadded base64 after "SHA256:", the form OpenSSH
 * prints (ssh-keygen -l), so two people can compare keys aloud. Web Crypto
 * exists only in secure contexts (https, localhost); elsewhere there is no
 * fingerprint and the page shows the key itself.
 */
const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

export const keyFingerprint = async (publicKey: string): Promise<string | null> => {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', fromBase64Url(publicKey)));
  return `SHA256:${btoa(String.fromCharCode(...digest)).replace(/=+$/, '')}`;
};
