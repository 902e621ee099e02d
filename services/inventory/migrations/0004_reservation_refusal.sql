-- A statement that commits its transaction only when it finds what its caller expected raises
-- through this function otherwise (the reservation sent with its COMMIT:
-- reservationsStore.reserveAndCommit). A volatile function is called only when reached, never
-- folded ahead of time as a constant expression would be. SQLSTATE MR001: mercato's refusal.
CREATE FUNCTION inventory_refuse(reason text) RETURNS integer
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'MR001', MESSAGE = reason;
END
$$;
