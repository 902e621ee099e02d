-- Whether the user proved they own their email address: from UserRegistered, then EmailVerified.
ALTER TABLE profiles ADD COLUMN email_verified boolean NOT NULL DEFAULT false;
