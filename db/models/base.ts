// Objection base classes: camelCase in JavaScript and JSON, snake_case in PostgreSQL. Models are
// bound to a knex per query (`Model.query(db)`), never globally, so tests and the API can hold
// several databases at once.
import { Model, snakeCaseMappers, type ColumnNameMappers } from 'objection';

export class BaseModel extends Model {
  static override get columnNameMappers(): ColumnNameMappers {
    return snakeCaseMappers();
  }
}

/** Tables with created_at/updated_at: the database fills both on insert; we bump updated_at. */
export class TimestampedModel extends BaseModel {
  declare createdAt: Date;
  declare updatedAt: Date;

  override $beforeUpdate(): void {
    this.updatedAt = new Date();
  }
}
