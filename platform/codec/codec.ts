// The payload codec of every Temporal client and worker of the product (issue 13): customer
// data in workflow inputs, results, memos, Update arguments and activity payloads is stored in
// Temporal encrypted, each payload labelled with its entity so the codec endpoint
// (api/temporal-codec/) can let staff read their own entity's only.
//
// The SDK (1.24) passes a SerializationContext to codecs: the target workflow's id for client
// calls and workflow commands, the scheduling workflow's id for activity payloads. That id is
// how a payload finds its entity (entities.ts).
import type { Client } from '@temporalio/client';
import type { DataConverter, Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { decryptPayload, encryptPayload, entityOfPayload, isEncrypted } from './cipher.js';
import { EntityDirectory, type EntityLookup } from './entities.js';
import { codecKeysOf, type CodecKeys } from './keys.js';

export class EntityCodec implements PayloadCodec {
  constructor(
    private readonly keys: CodecKeys,
    private readonly entities: EntityDirectory,
  ) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    const plain = payloads.filter((p) => !isEncrypted(p));
    if (plain.length === 0) return payloads;
    const workflowId = context?.workflowId;
    const entity = workflowId ? await this.entities.entityOf(workflowId, plain) : undefined;
    return payloads.map((p) => (isEncrypted(p) ? p : encryptPayload(p, this.keys, entity)));
  }

  /** Payloads it did not encrypt (histories recorded before the codec) pass as they are. */
  async decode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    return payloads.map((p) => {
      if (!isEncrypted(p)) return p;
      const plain = decryptPayload(p, this.keys);
      // Learned only once the label has authenticated (it is bound to the ciphertext).
      const entity = entityOfPayload(p);
      if (context?.workflowId && entity !== undefined) this.entities.learn(context.workflowId, entity);
      return plain;
    });
  }

  /**
   * For the codec endpoint: decrypts the payloads `mayRead` allows (by their entity; undefined
   * when unlabelled) and leaves the others as they came, as does one that will not decrypt.
   */
  decodeWhere(payloads: Payload[], mayRead: (entity: number | undefined) => boolean): Payload[] {
    return payloads.map((p) => {
      if (!isEncrypted(p) || !mayRead(entityOfPayload(p))) return p;
      try {
        return decryptPayload(p, this.keys);
      } catch {
        return p; // tampered, or a key we no longer hold: the caller sees it still encrypted
      }
    });
  }

  /** For the codec endpoint: encrypts with an explicit entity label (no workflow context there). */
  encodeFor(payloads: Payload[], entity: number | undefined): Payload[] {
    return payloads.map((p) => (isEncrypted(p) ? p : encryptPayload(p, this.keys, entity)));
  }
}

type CodecConfig = Parameters<typeof codecKeysOf>[0];

/**
 * One codec per process, shared by its client and worker (what one learns about a workflow's
 * entity the other uses). `lookup` (db/workflow-entity.ts) finds workflows met for the first time.
 */
export function createCodec(config: CodecConfig, lookup?: EntityLookup): EntityCodec {
  return new EntityCodec(codecKeysOf(config), new EntityDirectory(lookup));
}

/** The `dataConverter` option of a Client, Worker or replayer. */
export const dataConverterOf = (codec: EntityCodec): DataConverter => ({ payloadCodecs: [codec] });

/** The codec a client writes with (the API's codec endpoint uses the same one). */
export function codecOfClient(client: Client): EntityCodec | undefined {
  return client.options.loadedDataConverter.payloadCodecs.find((c): c is EntityCodec => c instanceof EntityCodec);
}
