"""outbox lease: a worker holds the rows it claimed until `lease_until` and renews the lease while it works

Revision ID: 0004_outbox_lease
Revises: 0003_escalations
Create Date: 2026-12-14 10:00:00

Rows that are 'sending' when this runs were claimed by a process of the previous version, which knew no
leases: they get the five minutes that version waited before taking a row for a dead worker's, so a process
still running the old version during a rolling upgrade is not overtaken.
"""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0004_outbox_lease'
down_revision = '0003_escalations'
branch_labels = None
depends_on = None

OLD_STALE_AFTER = timedelta(seconds=300)


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    outbox = sa.table('outbox', sa.column('id', sa.Integer()), sa.column('state', sa.String()),
                      sa.column('claimed_at', sqlmodel.sql.sqltypes.UTCDateTime()),
                      sa.column('lease_until', sqlmodel.sql.sqltypes.UTCDateTime()))
    connection = op.get_bind()
    rows = connection.execute(sa.select(outbox.c.id, outbox.c.claimed_at)
                              .where(outbox.c.state == 'sending', outbox.c.claimed_at.is_not(None))).all()
    for row_id, claimed_at in rows:
        connection.execute(sa.update(outbox).where(outbox.c.id == row_id)
                           .values(lease_until=claimed_at + OLD_STALE_AFTER))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('lease_until')
