-- Who to write to about an order, and how to link to it: a projection of OrderPlaced. Some
-- order and payment events (PaymentFailed, Refunded) carry no address; their emails find it here.
-- access_token is a guest order's capability token (the order service keeps only its hash),
-- NULL for a signed-in buyer, whose links need none.
CREATE TABLE order_contacts (
  order_id     text PRIMARY KEY,
  user_id      text,
  email        text NOT NULL,
  access_token text,
  currency     text NOT NULL,
  placed_at    timestamptz NOT NULL
);
