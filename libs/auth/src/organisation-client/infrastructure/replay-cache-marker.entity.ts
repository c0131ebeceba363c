import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Present (one row, id 1) once the jti replay cache in Redis has held its marker, so that a missing
 * marker afterwards is known for a data loss of Redis. Matches migration CreateReplayCacheMarkers.
 */
@Entity({ name: 'replay_cache_markers' })
export class ReplayCacheMarkerEntity {
  @PrimaryColumn('smallint', { name: 'id', primaryKeyConstraintName: 'pk_replay_cache_markers' })
  id: number;

  @CreateDateColumn({ name: 'first_written_at', type: 'timestamptz', default: () => 'now()' })
  firstWrittenAt: Date;
}

/** The tables the organisation-client part of libs/auth contributes to the application's data source. */
export const ORGANISATION_CLIENT_ENTITIES = [ReplayCacheMarkerEntity];
