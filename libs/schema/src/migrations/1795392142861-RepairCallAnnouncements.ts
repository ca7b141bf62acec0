import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data only. Publishing a call that was already open without an announcement date used to record the
 * publication as its announcement, after the opening: a timeline out of order that every later update
 * of the call was refused for. Such a call had no pre-announcement, which is what it now records. The
 * instants the server set (publication, cancellation, announcement at publication) keep whole seconds.
 */
export class RepairCallAnnouncements1795392142861 implements MigrationInterface {
  name = 'RepairCallAnnouncements1795392142861';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE calls SET announced_at = NULL WHERE announced_at = published_at AND announced_at > opens_at`);
    await queryRunner.query(
      `UPDATE calls SET published_at = date_trunc('second', published_at),
                        announced_at = CASE WHEN announced_at = published_at THEN date_trunc('second', announced_at) ELSE announced_at END,
                        cancelled_at = date_trunc('second', cancelled_at)
        WHERE published_at <> date_trunc('second', published_at) OR cancelled_at <> date_trunc('second', cancelled_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The announcement the publication of an open call recorded before; the cut milliseconds are not restored.
    await queryRunner.query(`UPDATE calls SET announced_at = published_at WHERE announced_at IS NULL AND published_at > opens_at`);
  }
}
