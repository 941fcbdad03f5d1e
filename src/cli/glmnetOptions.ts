/** The path and cross-validation options every `radval glmnet` family reads (binomial, multinomial, cox), as commander gives them. */
export interface GlmnetPathOptions {
  alpha?: string;
  nlambda?: string;
  lambdaMinRatio?: string;
  thresh?: string;
  maxit?: string;
  foldid?: string;
  folds?: string;
  seed?: string;
  measure?: string;
  standardize?: boolean;
}
