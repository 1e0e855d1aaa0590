-- A request being filed (or triaged into a category) and a change of the estate that would refuse it take turns, so
-- neither slips past the other: intake holds a shared advisory lock on its category (key space 24) and on its building
-- (key space 23) to the end of its transaction; withdrawing a category and removing a building take the same lock
-- exclusively before they look for open requests. The lock is keyed by hashtext('community/code').
--
-- One call takes both and then says whether the community has withdrawn the category. A function because its query
-- must come after the locks are held: a VOLATILE function's every statement reads a fresh snapshot (in READ
-- COMMITTED), so a withdrawal that committed while this waited for the lock is seen, with one round trip.
create function hold_for_filing(p_community text, p_category text, p_building text) returns boolean
    language plpgsql volatile as
$$
begin
    perform pg_advisory_xact_lock_shared(24, hashtext(p_community || '/' || p_category));
    if p_building is not null then
        perform pg_advisory_xact_lock_shared(23, hashtext(p_community || '/' || p_building));
    end if;
    return exists (select 1 from category_withdrawal w
                   where w.community_id = p_community and w.code = p_category and w.withdrawn);
end
$$;
