import { TransparencyLogCheckpointEntity } from './log-checkpoint.entity';
import { TransparencyLogLeafEntity } from './log-leaf.entity';
import { TransparencyLogNodeEntity } from './log-node.entity';

/** The tables of the transparency log. */
export const TRANSPARENCY_LOG_ENTITIES = [TransparencyLogLeafEntity, TransparencyLogNodeEntity, TransparencyLogCheckpointEntity];
