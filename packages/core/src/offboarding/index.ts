// Handing a client's accounts over at the end (PRODUCT §2.4): the order and the per-platform steps.
export {
  type GuidanceLocale,
  guidanceLocales,
  type HandoverGuidanceStep,
  type HandoverPlatform,
  type HandoverStepKind,
  handoverGuidance,
  handoverGuidanceFor,
  handoverPlatformNames,
  handoverPlatforms,
  isGuidanceLocale,
  type LocalisedHandoverGuidance,
  type LocalisedHandoverStep,
} from './handover-guidance';
export {
  type AccountHandoverStep,
  type AccountOwnerKind,
  accountHandoverSteps,
  accountOwnerKinds,
  checkHandoverChange,
  type HandoverChange,
} from './handover-order';
