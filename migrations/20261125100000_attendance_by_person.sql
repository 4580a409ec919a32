-- A person's meetings (the search's person filter, their calendar) read from their own rows
-- instead of every meeting's attendance.
CREATE INDEX meeting_attendance_person ON meeting_attendance (person_id, meeting_id);
