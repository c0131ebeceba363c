// Leak tracing (issue 18 item 2): which recipient, transfer and part each pseudonymous id was sent in.
export { idsInFile, MAX_TRACED_IDS, SUBJECT_ID_PATTERN, subjectIdsToTrace, type TraceInput } from './domain/leaked-file';
export { TraceSubjectsUseCase, type TracedProvision, type TracedSubject, type TraceResult } from './application/trace-subjects.use-case';
export { LeakTracingModule } from './leak-tracing.module';
