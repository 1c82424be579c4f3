// A declared combination (combination.json + its calibration.json) applied to answers its members
// already gave, without running them again: the Recognize page has the probe's and the Han CNN's
// answers for a file, so the shipped combination's answer is their raw scores combined by the same
// rule as `npx diffpir recognize --combination` (combineScores + finishRecognition), with the
// calibration checked against the identity the members' weights give (as open-node.ts does).
// Browser-safe (Web Crypto).
import { LabError } from '../common/errors.ts';
import { finishRecognition } from '../features/confidence.ts';
import type { RecognitionResult, RecognitionScores } from '../features/recognition-types.ts';
import { combinationKey, combineScores, type CombinationSpec } from './combination.ts';
import { calibrationFor, weightsIdentity } from './identity.ts';
import type { ModelIdentity } from './recognizer.ts';

/** The combination's identity (SHA-256, 16 hex, of combinationKey): the same as modelIdentity(dir, 'combination') in Node. */
export function combinationIdentity(members: readonly ModelIdentity[], weights: readonly number[]): Promise<ModelIdentity> {
  return weightsIdentity('combination', new TextEncoder().encode(combinationKey(members, weights)));
}

/** The last path part of a member folder ("../han-cnn-recorded" -> "han-cnn-recorded"). */
export function memberName(folder: string): string {
  return folder.replace(/\/+$/, '').split('/').pop() ?? folder;
}

export interface MemberAnswer {
  /** The member's folder name (models/<name>). */
  name: string;
  result: RecognitionScores;
  identity: ModelIdentity;
}

/**
 * The combination's answer from its members' answers (matched by folder name). `folder` names it
 * in messages ("models/recognizer"). Throws a LabError naming a member with no answer, or a
 * calibration fitted for other member weights.
 */
export async function combineAnswers(
  spec: CombinationSpec, calibrationText: string | null, answers: readonly MemberAnswer[], folder: string,
): Promise<RecognitionResult> {
  const picked = spec.members.map((m) => {
    const a = answers.find((x) => x.name === memberName(m.folder));
    if (!a) throw new LabError(`${folder}: member ${memberName(m.folder)} gave no answer here (answers from ${answers.map((x) => x.name).join(', ') || 'none'})`);
    return a;
  });
  const weights = spec.members.map((m) => m.weight);
  const identity = await combinationIdentity(picked.map((a) => a.identity), weights);
  const calibration = calibrationFor(calibrationText, identity, folder);
  return finishRecognition(combineScores(picked.map((a) => a.result), weights, folder), calibration);
}
