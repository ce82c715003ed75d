import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdProofs, idProofLimitBytes } from './identity-proof.rules.js';

const MB = 1048576;

test('identity proofs: images and PDF pass, decided by content; other types, forged names, size and count are refused', () => {
  assert.deepEqual(
    checkIdProofs(
      [
        { filename: '身份证正面.jpg', size: 1000, sniffed: { ext: 'jpg' } },
        { filename: '反面.PDF', size: 1000, sniffed: { ext: 'pdf' } },
      ],
      5 * MB,
    ),
    {
      mimes: ['image/jpeg', 'application/pdf'],
      errors: [],
    },
  );
  const codes = (files: Parameters<typeof checkIdProofs>[0], limit = 5 * MB) =>
    checkIdProofs(files, limit).errors.map((e) => [e.code, e.field]);
  // A Word file is a valid attachment in the catalogue but not an identity proof.
  assert.deepEqual(codes([{ filename: '身份证.docx', size: 10, sniffed: { ext: 'docx' } }]), [
    ['id_proof_type', 'idProof'],
  ]);
  // A text file renamed to .png: the content decides.
  assert.deepEqual(codes([{ filename: '身份证.png', size: 10, sniffed: { ext: null } }]), [
    ['id_proof_type', 'idProof'],
  ]);
  // A PDF named .jpg.
  assert.deepEqual(codes([{ filename: '身份证.jpg', size: 10, sniffed: { ext: 'pdf' } }]), [
    ['id_proof_type', 'idProof'],
  ]);
  assert.deepEqual(codes([{ filename: '大.png', size: 2 * MB + 1, sniffed: { ext: 'png' } }], 2 * MB), [
    ['id_proof_too_large', 'idProof'],
  ]);
  assert.match(
    checkIdProofs([{ filename: '大.png', size: 2 * MB + 1, sniffed: { ext: 'png' } }], 2 * MB).errors[0]!.message,
    /超过 2 MB/,
  );
  assert.deepEqual(codes([{ filename: '空.png', size: 0, sniffed: { ext: null } }]), [['id_proof_empty', 'idProof']]);
  const three = [1, 2, 3].map((i) => ({ filename: `${i}.png`, size: 10, sniffed: { ext: 'png' } }));
  assert.deepEqual(codes(three), [['id_proof_too_many', 'idProof']]);
});

test('the size limit setting: whole MB within 1–20, else the 5 MB default', () => {
  assert.equal(idProofLimitBytes(undefined), 5 * MB);
  assert.equal(idProofLimitBytes('8'), 8 * MB);
  assert.equal(idProofLimitBytes('0'), 5 * MB);
  assert.equal(idProofLimitBytes('21'), 5 * MB);
  assert.equal(idProofLimitBytes('2.5'), 5 * MB);
});
