# Events, RSVPs and city light schedules arrive with their own issues.
