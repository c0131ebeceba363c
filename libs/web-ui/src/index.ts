// The browser-only UI pieces shared by Infobank's web apps: copy, components, API client and proof checks.
import './styles/tokens.css';
export { ApiClient, ApiProblem, type CallOptions, type StepUpPrompt, type TermsPrompt } from './api/api-client';
export type { TransparencyCell, TransparencyMonth, TransparencyStatistics } from './api/transparency';
export {
  Button,
  CardList,
  Dialog,
  Field,
  LanguageSwitch,
  LiveMessage,
  NavBar,
  SelectField,
  TextAreaField,
  StatusBadge,
  Switch,
} from './components/components';
export { AppServicesContext, useAction, useAppServices, useLoad, type AppServices } from './app/app-services';
export { useAppShell, type SessionState } from './app/app-shell';
export { CredentialFields } from './components/credential-fields';
export { StepUpDialog, useStepUpPrompt } from './components/step-up-dialog';
export { I18nProvider, isMessageKey, useI18n, type I18n, type Language } from './i18n/i18n';
export { en, ja, type MessageKey } from './i18n/messages';
export {
  rootFromInclusionPath,
  verifyCheckpoint,
  verifyInclusionProof,
  type CheckpointOutcome,
  type InclusionProofDocument,
  type ProofFailure,
  type ProofOutcome,
} from './proof/inclusion-proof';
export { verifyReviewDecision, type DecisionFailure, type DecisionOutcome } from './proof/signed-decision';
