import { Module } from '@nestjs/common';
import { TraceSubjectsUseCase } from './application/trace-subjects.use-case';
import { TraceQueries } from './infrastructure/trace.queries';

/** Leak tracing (read-only). Needs the platform's DataSource. */
@Module({ providers: [TraceSubjectsUseCase, TraceQueries], exports: [TraceSubjectsUseCase] })
export class LeakTracingModule {}
