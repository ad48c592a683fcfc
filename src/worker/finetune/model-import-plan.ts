/**
 * What importing a model file may do to the models already in this browser. A model's id is only what
 * its file claims (the checksum covers the weights, not the name), so an id that is already taken never
 * replaces a model silently: the page asks the lab (replace, keep both, cancel) and the worker stores
 * nothing unless the plan says so.
 */

export interface ImportSituation {
  /** The file's name, for the refusal. */
  readonly fileName: string;
  /** The id the file's manifest claims. */
  readonly fileId: string;
  /** The model shipped with the app (null when this build ships none). */
  readonly shippedId: string | null;
  /** The lab's stored models. */
  readonly labIds: readonly string[];
  /** The model analysing now. */
  readonly inUseId: string | null;
}

/** The lab's answer when the id is taken by one of its models. */
export type CollisionChoice = 'replace' | 'keep-both';

export type ImportPlan =
  | { readonly kind: 'store'; readonly id: string; readonly replaces: boolean }
  | {
      readonly kind: 'ask';
      readonly existingId: string;
      /** The id the file is stored under if the lab keeps both. */
      readonly keepBothId: string;
      /** False for the model analysing now: its weights cannot change under the results it makes. */
      readonly canReplace: boolean;
    }
  | { readonly kind: 'refuse'; readonly reason: string };

/** `<id>-2`, `<id>-3`, … : the first that no model here uses. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The plan for one file, given the lab's choice (none yet: ask when the id is taken).
 *
 * The shipped model's id is refused rather than renamed: the shipped model is always in the list, so a
 * true copy adds nothing, and a different model under its name is exactly the impersonation to stop (a
 * renamed copy would still carry a manifest that claims to be something else).
 */
export function planImport(situation: ImportSituation, choice?: CollisionChoice): ImportPlan {
  const { fileName, fileId, shippedId, labIds, inUseId } = situation;
  if (fileId === shippedId) {
    return {
      kind: 'refuse',
      reason:
        `${fileName} uses the id of the model shipped with the app (${fileId}); a lab model cannot take ` +
        'that name, so nothing was imported. The shipped model is already in the list.',
    };
  }
  if (!labIds.includes(fileId)) return { kind: 'store', id: fileId, replaces: false };
  const keepBothId = freeId(fileId, new Set([...labIds, ...(shippedId !== null ? [shippedId] : [])]));
  const canReplace = fileId !== inUseId;
  if (choice === undefined) return { kind: 'ask', existingId: fileId, keepBothId, canReplace };
  if (choice === 'keep-both') return { kind: 'store', id: keepBothId, replaces: false };
  if (!canReplace) {
    return {
      kind: 'refuse',
      reason: `${fileId} is the model in use; switch to another one before replacing it.`,
    };
  }
  return { kind: 'store', id: fileId, replaces: true };
}
