package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// MaxAttachment is the largest file that can be attached: scanned
// agreements are a few megabytes; the data file should stay small enough
// to back up often.
const MaxAttachment = 32 << 20

// AddAttachment stores data as a file attached to the agreement and returns
// its metadata (size and SHA-256 included).
func (t *Tx) AddAttachment(agreement model.ID, name, mimeType string, data []byte) (model.Attachment, error) {
	if len(data) > MaxAttachment {
		return model.Attachment{}, fmt.Errorf("%s is %d MiB: %w (at most %d MiB)", name, len(data)>>20, ErrTooLarge, MaxAttachment>>20)
	}
	if key := model.CheckText(name, model.MaxName, false); key != "" || name == "" {
		return model.Attachment{}, model.ValidationError{{Field: "attachments.name", Key: "err.required"}}
	}
	a, err := t.Agreement(agreement)
	if err != nil {
		return model.Attachment{}, err
	}
	if err := t.mayChange(a.Department); err != nil {
		return model.Attachment{}, err
	}
	seq, err := t.kv.nextSeq(bucketAttachments)
	if err != nil {
		return model.Attachment{}, err
	}
	sum := sha256.Sum256(data)
	att := model.Attachment{
		ID: model.ID(seq), Name: name, Type: mimeType, Size: int64(len(data)),
		SHA256: hex.EncodeToString(sum[:]), Added: t.now, AddedBy: t.user,
	}
	if err := t.kv.put(bucketAttachments, u64(seq), data); err != nil {
		return model.Attachment{}, err
	}
	old := a
	a.Attachments = append(a.Attachments[:len(a.Attachments):len(a.Attachments)], att)
	a.Rev, a.Updated = a.Rev+1, t.now
	if err := t.writeAgreement(&a, &old); err != nil {
		return model.Attachment{}, err
	}
	return att, t.log(model.EntityAgreement, a.ID, model.ActionAttachmentAdded, []string{"attachments"}, name)
}

// AttachmentData returns a copy of an attachment's bytes, checked against
// the SHA-256 recorded when it was added.
func (t *Tx) AttachmentData(agreement, id model.ID) ([]byte, error) {
	a, err := t.Agreement(agreement)
	if err != nil {
		return nil, err
	}
	for _, att := range a.Attachments {
		if att.ID != id {
			continue
		}
		raw := t.kv.get(bucketAttachments, u64(uint64(id)))
		if raw == nil {
			return nil, fmt.Errorf("attachment %s: %w", att.Name, &DamagedError{Reason: "its bytes are missing"})
		}
		sum := sha256.Sum256(raw)
		if hex.EncodeToString(sum[:]) != att.SHA256 {
			return nil, fmt.Errorf("attachment %s: %w", att.Name, &DamagedError{Reason: "its checksum does not match"})
		}
		return bytes.Clone(raw), nil
	}
	return nil, ErrNotFound
}

// RemoveAttachment deletes an attachment of the agreement.
func (t *Tx) RemoveAttachment(agreement, id model.ID) error {
	a, err := t.Agreement(agreement)
	if err != nil {
		return err
	}
	if err := t.mayChange(a.Department); err != nil {
		return err
	}
	old := a
	a.Attachments = nil
	var name string
	for _, att := range old.Attachments {
		if att.ID == id {
			name = att.Name
			continue
		}
		a.Attachments = append(a.Attachments, att)
	}
	if name == "" {
		return ErrNotFound
	}
	if err := t.kv.del(bucketAttachments, u64(uint64(id))); err != nil {
		return err
	}
	a.Rev, a.Updated = a.Rev+1, t.now
	if err := t.writeAgreement(&a, &old); err != nil {
		return err
	}
	return t.log(model.EntityAgreement, a.ID, model.ActionAttachmentRemoved, []string{"attachments"}, name)
}
