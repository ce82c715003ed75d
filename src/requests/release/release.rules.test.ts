import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/errors.js';
import {
  availableUntil,
  checkApproval,
  checkReleaseOutcome,
  checkReleaseUpload,
  releaseDays,
  releaseListText,
  releaseOpen,
} from './release.rules.js';

const doc = (
  over: Partial<{ created_by: number | null; redacted_by: number | null; released_sha256: string | null }> = {},
) => ({ filename: 'a.pdf', created_by: 1, redacted_by: null, released_sha256: 'x', ...over });

describe('release rules', () => {
  it('takes PDF, DOCX, JPEG and PNG with what they answer', () => {
    assert.deepEqual(checkReleaseUpload({ filename: 'a.pdf', size: 10, ext: 'pdf', answers: '第1项' }), {
      kind: 'pdf',
      errors: [],
    });
    assert.deepEqual(
      checkReleaseUpload({ filename: 'a.exe', size: 10, ext: 'exe', answers: ' ' }).errors.map((e) => e.code),
      ['release_file_kind', 'release_answers'],
    );
    assert.deepEqual(
      checkReleaseUpload({ filename: 'a', size: 0, ext: null, answers: 'x' }).errors.map((e) => e.code),
      ['release_file_missing'],
    );
  });

  it('approval by someone who neither attached nor redacted, once every copy exists', () => {
    const code = (f: () => void) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as AppError).errors[0]!.code;
      }
    };
    assert.equal(
      code(() => checkApproval([], 2)),
      'release_empty',
    );
    assert.equal(
      code(() => checkApproval([doc({ released_sha256: null })], 2)),
      'release_copy_missing',
    );
    assert.equal(
      code(() => checkApproval([doc(), doc({ created_by: 3, redacted_by: 2 })], 2)),
      'release_same_person',
    );
    assert.equal(
      code(() => checkApproval([doc()], 2)),
      'ok',
    );
  });

  it('the download period: days from the approval day, default 30, open until its last day', () => {
    assert.equal(releaseDays(undefined), 30);
    assert.equal(releaseDays('0'), 30);
    assert.equal(releaseDays('10'), 10);
    assert.equal(availableUntil('2025-12-28', 10), '2026-01-06');
    assert.equal(releaseOpen('2026-01-06', '2026-01-06'), true);
    assert.equal(releaseOpen('2026-01-06', '2026-01-07'), false);
    assert.equal(releaseOpen(undefined, '2026-01-07'), false);
  });

  it('redacted documents mean 部分公开 unless another outcome is explained; the letter lists documents and grounds', () => {
    const docs = [
      { filename: 'a.pdf', answers: '第1项', reasons: 'art15,art16_2', redacted_at: '2025-10-01T00:00:00Z' },
      { filename: 'b.pdf', answers: '第2项', reasons: '', redacted_at: null },
    ];
    assert.deepEqual(checkReleaseOutcome('2', docs, ''), []);
    assert.deepEqual(
      checkReleaseOutcome('1', docs, '').map((e) => e.code),
      ['release_partial_expected'],
    );
    assert.deepEqual(checkReleaseOutcome('1', docs, '第三方已同意公开（第十五条）'), []);
    assert.deepEqual(checkReleaseOutcome('1', [docs[1]!], ''), []);
    assert.equal(
      releaseListText(docs),
      '提供的政府信息：\n1. a.pdf（第1项），已作区分处理，不予公开部分的理由：第十五条：个人隐私等损害第三方合法权益；第十六条第二款：过程性信息及行政执法案卷信息\n2. b.pdf（第2项）',
    );
    assert.equal(releaseListText([]), '');
  });
});
