# Lighting moves from the events app to this one. The first step changes only Django's
# record of which app owns the model: the table (events_lighting) and its rows stay as they
# are. 0002 then gives the table this app's name.

import django.core.validators
import marsweb.timezones
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0002_lightings'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Lighting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('landmark', models.CharField(max_length=200)),
                        ('city', models.CharField(max_length=120)),
                        ('country', models.CharField(max_length=120)),
                        ('latitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-90), django.core.validators.MaxValueValidator(90)])),
                        ('longitude', models.DecimalField(decimal_places=5, max_digits=8, validators=[django.core.validators.MinValueValidator(-180), django.core.validators.MaxValueValidator(180)])),
                        ('time_zone', models.CharField(max_length=64, validators=[marsweb.timezones.validate_time_zone])),
                        ('colour', models.CharField(default='#c1440e', max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9a-fA-F]{6}$')])),
                        ('note', models.CharField(blank=True, max_length=300)),
                        ('source_note', models.TextField(blank=True)),
                        ('start_kind', models.CharField(choices=[('exact', 'At a set local time'), ('sunset', 'At sunset'), ('sunrise', 'At sunrise'), ('unknown', 'Not announced yet')], default='unknown', max_length=10)),
                        ('start_date', models.DateField(blank=True, help_text='Local date in the city.', null=True)),
                        ('start_time', models.TimeField(blank=True, help_text='Local time, for a set time.', null=True)),
                        ('end_kind', models.CharField(choices=[('exact', 'At a set local time'), ('sunset', 'At sunset'), ('sunrise', 'At sunrise'), ('unknown', 'Not announced yet')], default='unknown', max_length=10)),
                        ('end_date', models.DateField(blank=True, help_text='Local date in the city.', null=True)),
                        ('end_time', models.TimeField(blank=True, help_text='Local time, for a set time.', null=True)),
                        ('starts_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('ends_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('timing_note', models.CharField(blank=True, editable=False, max_length=300)),
                        ('is_published', models.BooleanField(default=False, verbose_name='published')),
                        ('moderation', models.CharField(choices=[('approved', 'Approved'), ('pending', 'Waiting for review'), ('rejected', 'Rejected')], default='approved', max_length=10)),
                        ('submitter_email', models.EmailField(blank=True, help_text='Private: only staff see it.', max_length=254)),
                        ('submitted_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('reviewed_at', models.DateTimeField(blank=True, editable=False, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'db_table': 'events_lighting',
                        'ordering': [models.OrderBy(models.F('starts_at'), nulls_last=True), 'city', 'landmark'],
                        'indexes': [models.Index(fields=['is_published', 'starts_at'], name='events_ligh_is_publ_0b5214_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
