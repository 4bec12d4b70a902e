package store

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/partnerdesk/partnerdesk/model"
)

// Change is one saved change to a record, announced by the server to
// every connected client (this one included) when its transaction commits.
type Change struct {
	Entity model.Entity `json:"entity"`
	ID     model.ID     `json:"id"`
	Action model.Action `json:"action"`
	// User is the database login that made the change.
	User string `json:"user"`
}

// Subscribe returns a channel that receives every change saved on the
// server from now on, until ctx ends (then the channel is closed). A lost
// connection is re-made every few seconds; changes made meanwhile are not
// announced, so a client reloads what it shows after a gap (Change with
// Action "" says that it may have missed some). A data file has no other
// writers: its channel only closes when ctx ends.
func (s *Store) Subscribe(ctx context.Context) (<-chan Change, error) {
	out := make(chan Change, 64)
	b, ok := s.be.(*pgBackend)
	if !ok {
		go func() { <-ctx.Done(); close(out) }()
		return out, nil
	}
	cfg := b.pool.Config().ConnConfig.Copy()
	c, err := listen(ctx, cfg)
	if err != nil {
		return nil, b.wrap(err)
	}
	go b.deliver(ctx, c, cfg, out)
	return out, nil
}

func listen(ctx context.Context, cfg *pgx.ConnConfig) (*pgx.Conn, error) {
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if _, err := c.Exec(ctx, "LISTEN partnerdesk"); err != nil {
		c.Close(context.Background())
		return nil, err
	}
	return c, nil
}

// deliver forwards notifications until ctx ends, reconnecting after a
// lost connection.
func (b *pgBackend) deliver(ctx context.Context, c *pgx.Conn, cfg *pgx.ConnConfig, out chan<- Change) {
	defer close(out)
	defer func() {
		if c != nil {
			c.Close(context.Background())
		}
	}()
	for ctx.Err() == nil {
		if c == nil {
			select {
			case <-ctx.Done():
				return
			case <-time.After(3 * time.Second):
			}
			var err error
			if c, err = listen(ctx, cfg); err != nil {
				c = nil
				continue
			}
			if !send(ctx, out, Change{}) { // a gap: reload
				return
			}
		}
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			c.Close(context.Background())
			c = nil
			continue
		}
		var ch Change
		if json.Unmarshal([]byte(n.Payload), &ch) == nil && !send(ctx, out, ch) {
			return
		}
	}
}

func send(ctx context.Context, out chan<- Change, ch Change) bool {
	select {
	case out <- ch:
		return true
	case <-ctx.Done():
		return false
	}
}
