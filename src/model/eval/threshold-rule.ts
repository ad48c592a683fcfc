/**
 * Share of normal validation bags a model's threshold keeps below it (see thresholdAtSpecificity): a
 * case holds ~23 types, so 95 % means about one false flag per normal case. Shipped and fine-tuned
 * models choose their threshold by the same rule.
 */
export const REVIEW_SPECIFICITY = 0.95;
