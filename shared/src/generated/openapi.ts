/**
 * GENERATED from server/openapi.json by openapi-typescript — do not edit.
 * Regenerate with `npm run openapi -w @yizhan/server`; friendly names are in ../api.ts.
 */
export type paths = {
    "/api/v1/admin/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnnouncementsAdmin_list"];
        put?: never;
        post: operations["AnnouncementsAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AnnouncementsAdmin_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["AnnouncementsAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/announcements/from-incident/{incidentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AnnouncementsAdmin_fromIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesAdmin_list"];
        put?: never;
        post: operations["CommunitiesAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CommunitiesAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/buildings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesAdmin_buildings"];
        put?: never;
        post: operations["CommunitiesAdmin_createBuilding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/hotlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HotlinesAdmin_list"];
        put: operations["HotlinesAdmin_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlacesAdmin_list"];
        put?: never;
        post: operations["PlacesAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/places/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlacesAdmin_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesAdmin_rooms"];
        put?: never;
        post: operations["CommunitiesAdmin_createRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/rooms/{roomId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CommunitiesAdmin_updateRoom"];
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/rooms/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CommunitiesAdmin_importRooms"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/communities/{id}/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommunitiesAdmin_zones"];
        put?: never;
        post: operations["CommunitiesAdmin_createZone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/duty-shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["DutyAdmin_list"];
        put?: never;
        post: operations["DutyAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/duty-shifts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["DutyAdmin_update"];
        post?: never;
        delete: operations["DutyAdmin_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IncidentsAdmin_list"];
        put?: never;
        post: operations["IncidentsAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IncidentsAdmin_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["IncidentsAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IncidentsAdmin_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/statement.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PaymentsAdmin_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/tradebill-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PaymentsAdmin_tradeBill"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/unpaid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PaymentsAdmin_unpaid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/places/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PlacesAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/price-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PaymentsAdmin_listPrices"];
        put?: never;
        post: operations["PaymentsAdmin_createPrice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/price-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PaymentsAdmin_updatePrice"];
        trace?: never;
    };
    "/api/v1/admin/price-items/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PaymentsAdmin_importPrices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reports/tickets.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ReportsAdmin_ticketsXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/room-bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RoomBindingsAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/room-bindings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RoomBindingsAdmin_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/room-bindings/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RoomBindingsAdmin_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/service-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogueAdmin_list"];
        put?: never;
        post: operations["CatalogueAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/service-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CatalogueAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SlaAdmin_list"];
        put?: never;
        post: operations["SlaAdmin_upsert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sla-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SlaAdmin_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffAdmin_list"];
        put?: never;
        post: operations["StaffAdmin_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["StaffAdmin_update"];
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["StaffAdmin_unbindWechat"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/{id}/wecom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["WecomAdmin_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/wecom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WecomAdmin_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/staff/wecom/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WecomAdmin_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatsAdmin_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_staffLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_staffWechatBind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff/wechat/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_staffWechatLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/wechat/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Auth_wechatLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Communities_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Places_locations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communities/{id}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Communities_rooms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Files_full"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/thumb": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Files_thumb"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Me_me"];
        put?: never;
        post?: never;
        delete: operations["Me_erase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Announcements_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/announcements/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Announcements_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/announcements/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Announcements_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Followers_following"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/hotline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MeHotline_hotline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Incidents_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Me_bindPhone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/public-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Followers_sameSpot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Me_bindRoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Notices_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Notices_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Notices_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Notices_templates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Catalogue_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-items/{id}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Catalogue_slots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffEvents_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StaffEvents_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/notices/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["StaffEvents_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/wecom-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WecomSettings_mine"];
        put: operations["WecomSettings_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/wecom-settings/bind": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WecomSettings_bind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/wecom-settings/oauth-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WecomSettings_oauthUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Notices_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Tickets_list"];
        put?: never;
        post: operations["Tickets_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Tickets_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TicketContacts_contacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_dispatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Followers_follow"];
        delete: operations["Followers_unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/follow/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Followers_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/formal-reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Complaints_formalReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/grade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Complaints_grade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_hold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/investigations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Complaints_investigate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/investigations/{investigationId}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Complaints_report"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/judge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Complaints_judge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Followers_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/payments/{paymentId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/payments/{paymentId}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_sync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/payments/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_offline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/payments/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_payWithWechat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/price-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Payments_priceItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/quotes/{quoteId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/quotes/{quoteId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_rate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rating/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_replyToRating"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/rebook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_rebook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Payments_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_reschedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/reveal-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_revealPhone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/revisit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_revisit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Payments_settlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/urge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_urge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Tickets_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/waive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Payments_waive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Tickets_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Files_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        AnnouncementList: {
            items: components["schemas"]["AnnouncementView"][];
            nextCursor: string | null;
        };
        AnnouncementView: {
            areaLabel: string;
            /** @description residents bound in its area now */
            audienceCount: number;
            body: string;
            buildingIds: string[];
            communityId: string;
            createdAt: string;
            createdByName: string;
            endsAt: string | null;
            id: string;
            incidentId: string | null;
            photos: components["schemas"]["PhotoView"][];
            pinned: boolean;
            /** @description residents who opened it */
            readCount: number;
            startsAt: string;
            /** @enum {string} */
            state: "scheduled" | "active" | "ended";
            title: string;
            zoneIds: string[];
        };
        ApiError: {
            /** @description stable; clients branch on this, never on the message */
            code: components["schemas"]["ErrorCode"];
            /** @description VALIDATION_FAILED: each offending field and what is wrong with it */
            fields?: {
                [key: string]: string[];
            };
            /** @description a kind Chinese sentence for the person using the app */
            message: string;
            /** @description the HTTP status again */
            statusCode: number;
        };
        AuditActor: {
            id: string | null;
            /** @enum {string} */
            kind: "resident" | "staff" | "system";
            name: string;
        };
        AuditLogPage: {
            items: components["schemas"]["AuditLogView"][];
            nextCursor: string | null;
        };
        AuditLogView: {
            action: string;
            actor: components["schemas"]["AuditActor"];
            at: string;
            detail: {
                [key: string]: unknown;
            } | null;
            id: string;
            ip: string | null;
            targetId: string | null;
            /** @description what the target is called now: a request number, a name, a room label */
            targetLabel: string | null;
            targetType: string;
        };
        BindRoomDto: {
            /** @description name as on the roster */
            name: string;
            phone: string;
            roomId: string;
        };
        BindRoomResult: {
            roomId: string;
            /** @enum {string} */
            status: "approved" | "pending";
        };
        BindWecomDto: {
            /** @description the `code` WeCom OAuth put in the URL */
            code: string;
        };
        BuildingList: {
            items: components["schemas"]["BuildingView"][];
            nextCursor: string | null;
        };
        BuildingView: {
            communityId: string;
            id: string;
            /** @example 3栋 */
            name: string;
            zoneId: string | null;
        };
        CallableView: {
            /** @example 客服热线（A1区） */
            label: string;
            /** @example 59800000 */
            phone: string;
        };
        CommentDto: {
            note: string;
            photoIds?: string[];
            /**
             * @description staff: `public` is a reply the resident reads (公开回复), `internal` (the default) a staff-only note (内部备注); residents: always public
             * @enum {string}
             */
            visibility?: "public" | "internal";
        };
        CommunityListView: {
            items: components["schemas"]["CommunitySummaryView"][];
        };
        CommunityPage: {
            items: components["schemas"]["CommunityView"][];
            nextCursor: string | null;
        };
        CommunitySummaryView: {
            id: string;
            name: string;
        };
        CommunityView: {
            address: string | null;
            id: string;
            name: string;
        };
        ComplaintCategoryStatsView: {
            /** @example 服务态度 */
            category: string;
            count: number;
            /** @description judged 无效 by the owner */
            invalid: number;
            /** @description 重大 (major) complaints */
            major: number;
            /** @description on-time rate of the resolve clock */
            onTimeRate: number | null;
            /** @description given their formal reply (正式答复) */
            replied: number;
            /** @description not judged yet */
            unjudged: number;
            /** @description judged 有效 by the owner */
            valid: number;
        };
        ComplaintStatsView: {
            /** @description most complaints first, then by category */
            byCategory: components["schemas"]["ComplaintCategoryStatsView"][];
            count: number;
            /** @description judged 无效 by the owner */
            invalid: number;
            /** @description 重大 (major) complaints */
            major: number;
            /** @description on-time rate of the resolve clock */
            onTimeRate: number | null;
            /** @description given their formal reply (正式答复) */
            replied: number;
            /** @description not judged yet */
            unjudged: number;
            /** @description judged 有效 by the owner */
            valid: number;
        };
        ComplaintView: {
            /** @description about a staff member or service attitude: handled by a supervisor */
            aboutStaff: boolean;
            formalReply: components["schemas"]["FormalReplyView"] | null;
            /** @description staff only (empty for the resident) */
            investigations: components["schemas"]["InvestigationView"][];
            /**
             * @description null for the resident
             * @enum {string|null}
             */
            level: "general" | "major" | null;
            /** @description the staff member it is about, as the resident named them */
            subjectName: string | null;
            /** @description staff only: the matched staff member */
            subjectStaffId: string | null;
            /**
             * @description the owner’s finding; null until judged, and always for the resident
             * @enum {string|null}
             */
            validity: "valid" | "invalid" | null;
        };
        ConfirmDto: {
            /** @description 确认并评价: the rating given with the confirmation (optional) */
            rating?: components["schemas"]["RatingDto"];
        };
        CreateAnnouncementDto: {
            body: string;
            buildingIds?: string[];
            communityId: string;
            /** @description null or left out: until withdrawn */
            endsAt?: string | null;
            /** @description ids from POST /uploads */
            photoIds?: string[];
            pinned?: boolean;
            /** @description default: now */
            startsAt?: string;
            title: string;
            /** @description with buildingIds empty too: the whole community */
            zoneIds?: string[];
        };
        CreateBuildingDto: {
            name: string;
            /** @description null or absent: a building of no zone */
            zoneId?: string | null;
        };
        CreateCommunityDto: {
            address?: string | null;
            name: string;
        };
        CreateDutyShiftDto: {
            communityId: string;
            endAt: string;
            staffId: string;
            startAt: string;
            /** @description null = the whole community */
            zoneId: string | null;
        };
        CreateIncidentDto: {
            /** @description buildings affected (besides any zones named) */
            buildingIds?: string[];
            /** @description new requests of this category in the area are linked (水电, 电梯 …) */
            category: string;
            /** @description shown to residents */
            cause: string;
            communityId: string;
            expectedEndAt: string;
            /** @description in the future: a planned outage announced ahead */
            startsAt: string;
            /** @description shown to residents: 停水, 3栋电梯停运 … */
            title: string;
            /** @description zones affected; with buildingIds empty too: the whole community */
            zoneIds?: string[];
        };
        CreatePlaceDto: {
            buildingId?: string | null;
            /** @example 1号门岗 */
            name: string;
            zoneId?: string | null;
        };
        CreatePriceItemDto: {
            communityId: string;
            name: string;
            /** @example 个 */
            unit: string;
            /** @description fen */
            unitPriceFen: number;
        };
        CreateRoomDto: {
            buildingId: string;
            /** @example 1201 */
            number: string;
            /** @description roster: registered owner */
            ownerName?: string;
            ownerPhone?: string;
            /** @example 2 */
            unit?: string;
        };
        CreateServiceItemDto: {
            /** @description days residents may book ahead, today included (1–30, default 7) */
            bookingDays?: number;
            communityId: string;
            description?: string;
            /** @description length of one booking slot, minutes (30–480) */
            durationMin: number;
            name: string;
            /** @description an upload id (POST /uploads) for the picture; null removes it */
            photoId?: string | null;
            price: number;
            slotCapacity: number;
            /** @description first slot starts at, minutes after midnight (0–1410, default 540 = 09:00) */
            slotsFromMin?: number;
            /** @description last slot ends by, minutes after midnight (30–1440, default 1080 = 18:00) */
            slotsUntilMin?: number;
        };
        CreateStaffDto: {
            communityIds: string[];
            name: string;
            password: string;
            phone?: string;
            roles: ("agent" | "technician" | "supervisor" | "admin")[];
            /**
             * @example [
             *       "水电",
             *       "门窗"
             *     ]
             */
            skills?: ("水电" | "管道疏通" | "燃气" | "门窗" | "电梯" | "公共设施" | "家电清洗" | "保洁" | "开锁换锁" | "家具安装")[];
            username: string;
        };
        CreateTicketDto: {
            /** @example 水电 */
            category: string;
            /**
             * @description staff only
             * @enum {string}
             */
            channel?: "miniapp" | "phone" | "walk_in" | "patrol" | "other";
            /**
             * @description complaint, staff only: 一般 (default) or 重大
             * @enum {string}
             */
            complaintLevel?: "general" | "major";
            contactPhone?: string;
            description: string;
            /** @description where the problem is: a room or a public area (building, unit, zone, place); instead of `roomId` */
            location?: components["schemas"]["LocationInputDto"];
            photoIds?: string[];
            /**
             * @description repair: when the resident would like the visit (期望上门时间)
             * @enum {string}
             */
            preferredVisit?: "尽快" | "今天" | "明天上午" | "明天下午" | "明天晚上" | "工作日晚上" | "周末";
            /**
             * @default normal
             * @enum {string}
             */
            priority?: "normal" | "urgent";
            /** @description staff only */
            residentName?: string;
            /** @description staff only */
            residentPhone?: string;
            /** @description the room the request is about (as location {kind: room}); give this or `location` */
            roomId?: string;
            /** @description home_service: the booked service */
            serviceItemId?: string;
            /** @description home_service: start of the booked slot */
            slotStart?: string;
            /** @description complaint: the staff member it is about, by name or 工号 (the resident’s words) */
            subjectName?: string;
            /** @description complaint, staff only: the staff member it is about */
            subjectStaffId?: string;
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
        };
        CreateZoneDto: {
            name: string;
        };
        DeadlinesView: {
            confirmBy: string | null;
            onsiteBy: string | null;
            resolveBy: string | null;
            respondBy: string | null;
            revisitBy: string | null;
        };
        DispatchDto: {
            /** @description visit time agreed with the resident */
            appointmentAt?: string;
            assigneeId: string;
            note?: string;
        };
        DurationStatsView: {
            /** @description how many tickets the figures are taken over */
            count: number;
            /** @description nearest-rank median (value at rank ⌈0.5·n⌉ of the ascending list), seconds; null when count = 0 */
            medianSec: number | null;
            /** @description nearest-rank 90th percentile (rank ⌈0.9·n⌉), seconds; null when count = 0 */
            p90Sec: number | null;
        };
        DutyShiftPage: {
            items: components["schemas"]["DutyShiftView"][];
            nextCursor: string | null;
        };
        DutyShiftView: {
            communityId: string;
            endAt: string;
            id: string;
            staffId: string;
            staffName: string;
            startAt: string;
            /** @description null = the whole community (night shift) */
            zoneId: string | null;
        };
        /**
         * @description stable; clients branch on this, never on the message
         * @enum {string}
         */
        ErrorCode: "VALIDATION_FAILED" | "INVALID_JSON" | "INVALID_CURSOR" | "INVALID_ASSIGNEE" | "INVALID_STAFF" | "ROOM_NOT_IN_COMMUNITY" | "SERVICE_ITEM_REQUIRED" | "CONTACT_REQUIRED" | "SLOT_INVALID" | "CONTENT_REJECTED" | "PHOTO_INVALID" | "IMPORT_INVALID" | "WECOM_CODE_INVALID" | "UNAUTHENTICATED" | "TOKEN_EXPIRED" | "LOGIN_FAILED" | "REFRESH_INVALID" | "WECHAT_CODE_INVALID" | "NOTIFICATION_INVALID" | "STAFF_NOT_BOUND" | "FORBIDDEN" | "ROOM_NOT_BOUND" | "ACCOUNT_LOCKED" | "NOT_FOUND" | "INVALID_TRANSITION" | "ALREADY_OWNED" | "ALREADY_RATED" | "ALREADY_EXISTS" | "ALREADY_BOUND" | "SLOT_FULL" | "SHIFT_OVERLAP" | "BOOKING_LOCKED" | "QUOTE_PENDING" | "PAYMENT_DUE" | "PAYMENT_UNAVAILABLE" | "REFUND_TOO_LARGE" | "FORMAL_REPLY_REQUIRED" | "SUBJECT_OF_COMPLAINT" | "IDEMPOTENCY_IN_PROGRESS" | "CONFLICT" | "NOT_PUBLIC_REQUEST" | "MERGE_TARGET_INVALID" | "WECOM_NOT_CONFIGURED" | "PAYLOAD_TOO_LARGE" | "FILE_TOO_LARGE" | "IMAGE_TOO_LARGE" | "UNSUPPORTED_MEDIA" | "URGE_TOO_SOON" | "RATE_LIMITED" | "WECHAT_UNAVAILABLE" | "WECOM_UNAVAILABLE" | "WECHATPAY_UNAVAILABLE" | "DB_UNAVAILABLE" | "INTERNAL_ERROR";
        EventActorView: {
            id: string | null;
            /** @enum {string} */
            kind: "resident" | "staff" | "system";
            name: string;
        };
        FollowerView: {
            /** @description merge: the number of the resident’s own request folded in */
            fromTicketNo: string | null;
            joinedAt: string;
            rating: components["schemas"]["RatingView"] | null;
            /** @enum {string} */
            via: "me_too" | "merge";
        };
        FormalReplyDto: {
            /** @description 整改措施, told to the resident */
            measures: string;
            /** @description 处理结果, told to the resident */
            result: string;
        };
        FormalReplyView: {
            /** @description 整改措施 */
            measures: string;
            repliedAt: string;
            /** @description 处理结果 */
            result: string;
        };
        GradeDto: {
            /** @enum {string} */
            level: "general" | "major";
            /** @description why (staff only) */
            reason?: string;
        };
        HealthView: {
            /** @enum {string} */
            db: "up" | "down";
            /** @enum {string} */
            status: "ok" | "degraded";
        };
        HoldDto: {
            /** @description what the resident is told, e.g. 等待配件到货; a kind default otherwise */
            publicReason?: string;
            /** @description why, for the staff (internal) */
            reason: string;
        };
        HotlineAnswer: {
            hotline: components["schemas"]["CallableView"] | null;
        };
        HotlineDto: {
            /** @default 08:30 */
            dayFrom?: string;
            dayPhone?: string | null;
            /** @default 21:00 */
            dayTo?: string;
            nightPhone?: string | null;
            /** @description community row: show the technician's own phone on the day of the visit */
            technicianOwnPhone?: boolean;
            /** @description community row: the number that reaches the technician */
            technicianPhone?: string | null;
            /** @description null: the community as a whole */
            zoneId?: string | null;
        };
        HotlineList: {
            items: components["schemas"]["HotlineRowView"][];
        };
        HotlineRowView: {
            dayFrom: string;
            dayPhone: string | null;
            dayTo: string;
            nightPhone: string | null;
            technicianOwnPhone: boolean;
            technicianPhone: string | null;
            zoneId: string | null;
        };
        HotlinesDto: {
            rows: components["schemas"]["HotlineDto"][];
        };
        IncidentDetailView: {
            /** @description 全小区, or the zones and buildings named */
            areaLabel: string;
            buildingIds: string[];
            category: string;
            cause: string;
            communityId: string;
            createdAt: string;
            createdByName: string;
            expectedEndAt: string;
            id: string;
            linked: components["schemas"]["LinkedTicketView"][];
            linkedCount: number;
            /** @description residents bound in the area (each got the notices) */
            residentCount: number;
            resolution: string | null;
            resolvedAt: string | null;
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "active" | "resolved";
            title: string;
            zoneIds: string[];
        };
        IncidentList: {
            items: components["schemas"]["IncidentView"][];
            nextCursor: string | null;
        };
        IncidentView: {
            /** @description 全小区, or the zones and buildings named */
            areaLabel: string;
            buildingIds: string[];
            category: string;
            cause: string;
            communityId: string;
            createdAt: string;
            createdByName: string;
            expectedEndAt: string;
            id: string;
            linkedCount: number;
            resolution: string | null;
            resolvedAt: string | null;
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "active" | "resolved";
            title: string;
            zoneIds: string[];
        };
        InvestigateDto: {
            /** @description the staff member asked to investigate (not the one the complaint is about) */
            assigneeId?: string;
            /**
             * @description the department asked to investigate; give this, a staff member, or both
             * @enum {string}
             */
            department?: "客服部" | "工程部" | "秩序部" | "保洁部" | "绿化部" | "财务部";
            /** @description when the result is due */
            dueAt: string;
            task: string;
        };
        InvestigationReportDto: {
            result: string;
        };
        InvestigationView: {
            assigneeId: string | null;
            assigneeName: string | null;
            /** @example 工程部 */
            department: string | null;
            dueAt: string;
            id: string;
            /** @description no result yet and its due time has passed */
            overdue: boolean;
            reportedAt: string | null;
            result: string | null;
            task: string;
        };
        JudgeDto: {
            /** @description the grounds, from the investigation (staff only) */
            note: string;
            /** @enum {string} */
            validity: "valid" | "invalid";
        };
        LinkedTicketView: {
            category: string;
            createdAt: string;
            description: string;
            id: string;
            no: string;
            roomLabel: string;
            /** @enum {string} */
            status: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
        };
        LivenessView: {
            /** @enum {string} */
            status: "ok";
        };
        LocationBuildingOption: {
            id: string;
            label: string;
            /** @description its units (单元), from its rooms */
            units: string[];
            zoneId: string | null;
        };
        LocationInputDto: {
            /** @description building, unit */
            buildingId?: string;
            /** @enum {string} */
            kind: "room" | "building" | "unit" | "zone" | "place";
            /** @description place (a named public spot) */
            placeId?: string;
            /** @description room */
            roomId?: string;
            /** @description unit: the unit of the building (2 for 2单元) */
            unit?: string;
            /** @description zone */
            zoneId?: string;
        };
        LocationOptions: {
            buildings: components["schemas"]["LocationBuildingOption"][];
            /** @description the active named spots */
            places: components["schemas"]["LocationPlaceOption"][];
            zones: components["schemas"]["LocationZoneOption"][];
        };
        LocationPlaceOption: {
            id: string;
            label: string;
            zoneId: string | null;
        };
        LocationView: {
            buildingId: string | null;
            communityId: string;
            /** @enum {string} */
            kind: "room" | "building" | "unit" | "zone" | "place";
            /** @example A1区 3栋 2单元 1201 */
            label: string;
            placeId: string | null;
            roomId: string | null;
            unit: string | null;
            zoneId: string | null;
        };
        LocationZoneOption: {
            id: string;
            label: string;
        };
        MergeDto: {
            /** @description the request kept (same community, still open) */
            intoTicketId: string;
            /** @description for the staff (internal) */
            note?: string;
        };
        MeView: {
            id: string;
            /** @example 138****1234 */
            phoneMasked: string | null;
            rooms: components["schemas"]["ResidentRoomView"][];
        };
        NoteDto: {
            note?: string;
        };
        NoticePage: {
            items: components["schemas"]["NoticeView"][];
            nextCursor: string | null;
            /** @description unread notices in the whole inbox */
            unread: number;
        };
        NoticeView: {
            body: string;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "accepted" | "dispatched" | "resolved" | "reopened" | "closed" | "cancelled" | "replied" | "held" | "resumed" | "appointment" | "reminder" | "delayed" | "incident" | "incident_resolved" | "incident_linked" | "merged" | "quoted" | "refunded";
            readAt: string | null;
            ticketId: string | null;
            title: string;
        };
        OfflinePaymentDto: {
            /** @description fen; must equal what is due */
            amountFen: number;
            /** @enum {string} */
            method: "cash" | "qr";
            /** @description e.g. the paper receipt number */
            note?: string;
        };
        OnTimeRatesView: {
            confirm: number | null;
            onsite: number | null;
            resolve: number | null;
            respond: number | null;
            revisit: number | null;
        };
        OwnerStatsView: {
            name: string;
            /** @description on-time rate of the resolve clock */
            onTimeRate: number | null;
            /** @description of those, still open (submitted, accepted, dispatched, in progress) */
            open: number;
            /** @description tickets created in the window that this staff member owns (首接人) now */
            owned: number;
            ratedCount: number;
            satisfactionRate: number | null;
            staffId: string;
        };
        PaymentView: {
            /** @description fen */
            amountFen: number;
            id: string;
            /** @enum {string} */
            method: "wechat" | "cash" | "qr";
            /** @description staff only */
            note: string | null;
            outTradeNo: string;
            paidAt: string | null;
            /** @description offline: who took the money */
            recordedByName: string | null;
            /** @description fen */
            refundedFen: number;
            /** @enum {string} */
            status: "pending" | "paid" | "closed";
        };
        PersonRefView: {
            id: string;
            name: string;
        };
        PhoneCodeDto: {
            /** @description code from the getPhoneNumber button (not the login code) */
            code: string;
        };
        PhoneMaskedView: {
            /** @example 138****1234 */
            phoneMasked: string;
        };
        PhotoView: {
            id: string;
            thumbUrl: string;
            url: string;
        };
        PlaceImportResult: {
            created: number;
            dryRun: boolean;
            failed: number;
            rows: components["schemas"]["PlaceImportRow"][];
            updated: number;
        };
        PlaceImportRow: {
            errors: string[];
            /** @description line in the file (header is line 1) */
            line: number;
            name?: string;
            ok: boolean;
        };
        PlaceList: {
            items: components["schemas"]["PlaceView"][];
        };
        PlaceView: {
            /** @description false: retired (kept for the requests that name it, no longer offered) */
            active: boolean;
            buildingId: string | null;
            communityId: string;
            id: string;
            name: string;
            zoneId: string | null;
        };
        PriceImportError: {
            message: string;
            row: number;
        };
        PriceImportResult: {
            created: number;
            errors: components["schemas"]["PriceImportError"][];
            updated: number;
        };
        PriceItemList: {
            items: components["schemas"]["PriceItemView"][];
        };
        PriceItemView: {
            active: boolean;
            communityId: string;
            id: string;
            name: string;
            unit: string;
            /** @description fen */
            unitPriceFen: number;
        };
        PublicRequestList: {
            items: components["schemas"]["PublicRequestView"][];
        };
        PublicRequestView: {
            category: string;
            createdAt: string;
            description: string;
            followerCount: number;
            /** @description the caller already follows it */
            following: boolean;
            id: string;
            locationLabel: string;
            /** @description the caller filed it */
            mine: boolean;
            no: string;
            /** @enum {string} */
            status: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
        };
        QueueCountsView: {
            /** @description how many of the filtered requests are in each status now */
            byStatus: components["schemas"]["QueueStatusCountsView"];
            total: number;
        };
        QueueStatusCountsView: {
            accepted: number;
            cancelled: number;
            closed: number;
            dispatched: number;
            in_progress: number;
            resolved: number;
            revisited: number;
            submitted: number;
        };
        QuoteDecisionDto: {
            reason?: string;
        };
        QuoteLineDto: {
            /**
             * @description service: the booked item at its catalogue price; material: from the price list (priceItemId); labour / discount: name and unitPriceFen given here
             * @enum {string}
             */
            kind: "service" | "material" | "labour" | "discount";
            /** @description labour / discount lines */
            name?: string;
            /** @description material lines: the price list entry */
            priceItemId?: string;
            quantity: number;
            /** @description labour / discount lines, fen */
            unitPriceFen?: number;
        };
        QuoteLineView: {
            /** @description fen; negative for a discount */
            amountFen: number;
            /** @enum {string} */
            kind: "service" | "material" | "labour" | "discount";
            name: string;
            priceItemId: string | null;
            quantity: number;
            unit: string;
            /** @description fen */
            unitPriceFen: number;
        };
        QuoteView: {
            createdAt: string;
            createdByName: string;
            decidedAt: string | null;
            decisionNote: string | null;
            id: string;
            lines: components["schemas"]["QuoteLineView"][];
            note: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "declined" | "superseded";
            /** @description fen */
            totalFen: number;
        };
        RatingDto: {
            attitude: number;
            comment?: string;
            quality: number;
            /** @description quick tags (准时、态度好 …) */
            tags?: ("准时" | "态度好" | "干净整洁" | "专业细致" | "沟通清楚" | "收费合理")[];
            timeliness: number;
        };
        RatingReplyDto: {
            /** @description the owner’s or a supervisor’s answer to the resident’s rating */
            reply: string;
        };
        RatingView: {
            attitude: number;
            comment: string | null;
            quality: number;
            /** @description staff reply */
            reply: string | null;
            /** @description quick tags */
            tags: string[];
            timeliness: number;
        };
        ReadinessView: {
            /** @enum {string} */
            db: "up" | "down";
            /** @description every migration of this build has run */
            migrations: boolean;
            /** @enum {string} */
            status: "ready" | "not_ready" | "draining";
        };
        ReasonDto: {
            reason: string;
        };
        RebookDto: {
            /** @description start of the new slot (GET /service-items/:id/slots) */
            slotStart: string;
        };
        ReceiptPaymentView: {
            /** @description fen */
            amountFen: number;
            /** @enum {string} */
            method: "wechat" | "cash" | "qr";
            outTradeNo: string;
            paidAt: string;
            /** @description fen */
            refundedFen: number;
        };
        ReceiptView: {
            category: string;
            /** @description when the last payment was made */
            issuedAt: string;
            lines: components["schemas"]["QuoteLineView"][];
            /** @description fen */
            paidFen: number;
            payments: components["schemas"]["ReceiptPaymentView"][];
            /** @description the issuer: the community’s property service centre */
            propertyName: string;
            /** @description fen */
            refundedFen: number;
            roomLabel: string;
            ticketId: string;
            ticketNo: string;
            /** @description fen */
            totalFen: number;
            waived: boolean;
        };
        RefreshDto: {
            refreshToken: string;
        };
        RefundDto: {
            /** @description fen; at most what is left of the payment */
            amountFen: number;
            reason: string;
        };
        RefundView: {
            /** @description fen */
            amountFen: number;
            createdAt: string;
            id: string;
            paymentId: string;
            /** @description staff only */
            reason: string | null;
            /** @enum {string} */
            status: "processing" | "success" | "closed" | "abnormal";
            succeededAt: string | null;
        };
        RequestPaymentView: {
            nonceStr: string;
            /** @example prepay_id=wx… */
            package: string;
            paySign: string;
            /** @enum {string} */
            signType: "RSA";
            timeStamp: string;
        };
        RescheduleDto: {
            /** @description the new visit time agreed with the resident */
            appointmentAt: string;
            /** @description why the visit moves (the resident reads it) */
            reason: string;
        };
        ResidentAnnouncementList: {
            items: components["schemas"]["ResidentAnnouncementView"][];
            unread: number;
        };
        ResidentAnnouncementView: {
            body: string;
            endsAt: string | null;
            id: string;
            photos: components["schemas"]["PhotoView"][];
            pinned: boolean;
            read: boolean;
            startsAt: string;
            title: string;
        };
        ResidentIncidentList: {
            items: components["schemas"]["ResidentIncidentView"][];
        };
        ResidentIncidentView: {
            areaLabel: string;
            cause: string;
            expectedEndAt: string;
            id: string;
            resolution: string | null;
            resolvedAt: string | null;
            startsAt: string;
            /** @enum {string} */
            status: "planned" | "active" | "resolved";
            title: string;
        };
        ResidentLoginInfo: {
            id: string;
            phoneBound: boolean;
            rooms: components["schemas"]["ResidentRoomView"][];
        };
        ResidentRoomView: {
            communityId: string;
            /** @example A1区 3栋 2单元 1201 */
            label: string;
            roomId: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        ResolveDto: {
            /** @description fee charged, yuan */
            fee?: number;
            note: string;
            photoIds?: string[];
        };
        ResolveIncidentDto: {
            /** @description told to the area and written on every linked request, which is resolved for the resident to confirm */
            resolution: string;
        };
        ResumeDto: {
            /** @description optional: resuming needs no reason (holding does) */
            reason?: string;
        };
        RevealedPhoneView: {
            phone: string;
        };
        RevisitDto: {
            note?: string;
            satisfied: boolean;
        };
        RoomBindingPage: {
            items: components["schemas"]["RoomBindingView"][];
            nextCursor: string | null;
        };
        RoomBindingView: {
            communityId: string;
            createdAt: string;
            id: string;
            name: string;
            /** @example 138****1234 */
            phoneMasked: string;
            residentId: string;
            roomId: string;
            roomLabel: string;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected";
        };
        RoomImportResult: {
            created: number;
            dryRun: boolean;
            failed: number;
            rows: components["schemas"]["RoomImportRow"][];
            updated: number;
        };
        RoomImportRow: {
            errors: string[];
            label?: string;
            /** @description line in the file (header is line 1) */
            line: number;
            ok: boolean;
        };
        RoomOptionList: {
            items: components["schemas"]["RoomOptionView"][];
        };
        RoomOptionView: {
            id: string;
            /** @example A1区 3栋 2单元 1201 */
            label: string;
        };
        RoomPage: {
            items: components["schemas"]["RoomView"][];
            nextCursor: string | null;
        };
        RoomRefView: {
            communityId: string;
            id: string;
            label: string;
            zoneId: string | null;
        };
        RoomView: {
            buildingId: string;
            communityId: string;
            id: string;
            label: string;
            number: string;
            ownerName: string | null;
            /** @example 138****1234 */
            ownerPhoneMasked: string | null;
            unit: string;
            zoneId: string | null;
        };
        SendQuoteDto: {
            lines: components["schemas"]["QuoteLineDto"][];
            /** @description to the resident: why, what is extra */
            note?: string;
        };
        ServiceItemList: {
            items: components["schemas"]["ServiceItemView"][];
            nextCursor: string | null;
        };
        ServiceItemRefView: {
            id: string;
            name: string;
            price: number;
        };
        ServiceItemView: {
            active: boolean;
            /** @description days residents may book ahead, today included */
            bookingDays: number;
            communityId: string;
            description: string | null;
            durationMin: number;
            id: string;
            name: string;
            photo: components["schemas"]["PhotoView"] | null;
            /** @description yuan */
            price: number;
            slotCapacity: number;
            /**
             * @description first slot starts at, minutes after midnight (Asia/Shanghai)
             * @example 540
             */
            slotsFromMin: number;
            /**
             * @description last slot ends by, minutes after midnight (Asia/Shanghai)
             * @example 1080
             */
            slotsUntilMin: number;
        };
        SettlementView: {
            /** @description fen: what the resident approved (or accepted at booking) */
            approvedFen: number;
            /** @description fen: the booked item’s catalogue price, accepted at booking (0: none) */
            bookingPriceFen: number;
            /** @description fen: still to pay (0 once paid or waived) */
            dueFen: number;
            /** @description fen */
            paidFen: number;
            /** @description paid and pending; closed orders are left out */
            payments: components["schemas"]["PaymentView"][];
            quotePending: boolean;
            /** @description newest first */
            quotes: components["schemas"]["QuoteView"][];
            /** @description fen: refunded so far */
            refundedFen: number;
            refunds: components["schemas"]["RefundView"][];
            ticketId: string;
            waived: boolean;
            /** @description WeChat Pay is configured on this server (otherwise offline payment only) */
            wechatPayAvailable: boolean;
        };
        SetWecomUseridDto: {
            /** @description the member’s WeCom userid (账号); null unbinds */
            userid: string | null;
        };
        SlaPolicyList: {
            items: components["schemas"]["SlaPolicyView"][];
            nextCursor: string | null;
        };
        SlaPolicyView: {
            communityId: string;
            confirmWithinSec: number;
            /** @description null: the built-in default applies */
            id: string | null;
            isDefault: boolean;
            /**
             * @description a complaint’s level (一般 / 重大); `general` for the other types
             * @enum {string}
             */
            level: "general" | "major";
            onsiteWithinSec: number | null;
            /** @enum {string} */
            priority: "normal" | "urgent";
            resolveWithinSec: number;
            /** @description resolve within this many working days (China holidays and make-up days) instead of resolveWithinSec */
            resolveWorkingDays: number | null;
            respondWithinSec: number;
            revisitWithinSec: number;
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
        };
        SlotList: {
            items: components["schemas"]["SlotView"][];
        };
        SlotView: {
            end: string;
            remaining: number;
            start: string;
        };
        StaffLoginDto: {
            password: string;
            username: string;
        };
        StaffLoginResult: {
            accessToken: string;
            /** @description access token lifetime in seconds */
            expiresIn: number;
            refreshToken: string;
            staff: components["schemas"]["StaffProfileView"];
        };
        StaffNoticePage: {
            items: components["schemas"]["StaffNoticeView"][];
            nextCursor: string | null;
        };
        StaffNoticeView: {
            body: string;
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "routed" | "urgent" | "dispatched" | "urged" | "transferred" | "flagged" | "sla_warning" | "sla_overdue" | "escalated" | "pooled" | "reopened" | "rated_low" | "resolved" | "followed_up" | "investigation" | "investigated";
            no: string | null;
            readAt: string | null;
            roomLabel: string | null;
            ticketId: string | null;
            title: string;
            /**
             * @description event name on the stream
             * @example ticket.routed
             */
            type: string;
        };
        StaffPage: {
            items: components["schemas"]["StaffView"][];
            nextCursor: string | null;
        };
        StaffProfileView: {
            communityIds: string[];
            id: string;
            name: string;
            roles: ("agent" | "technician" | "supervisor" | "admin")[];
        };
        StaffView: {
            active: boolean;
            communityIds: string[];
            id: string;
            name: string;
            /** @description open requests dispatched to this person */
            openAssigned: number;
            /** @description open requests this person owns (首接) */
            openOwned: number;
            phoneMasked: string | null;
            roles: ("agent" | "technician" | "supervisor" | "admin")[];
            skills: string[];
            username: string;
            /** @description signed in on the mini-program’s staff side (bound to a WeChat user) */
            wechatBound: boolean;
        };
        StaffWechatBindDto: {
            /** @description code from wx.login (valid 5 minutes, once) */
            code: string;
            password: string;
            username: string;
        };
        StatsView: {
            communityId: string;
            /** @description complaints created in the window (投诉统计), per category */
            complaints: components["schemas"]["ComplaintStatsView"];
            counts: components["schemas"]["TicketCountsView"];
            /** @description respondedAt − createdAt over the responded tickets */
            firstResponse: components["schemas"]["DurationStatsView"];
            from: string;
            /** @description per time limit: met on time / (met on time + breached) */
            onTimeRate: components["schemas"]["OnTimeRatesView"];
            owners: components["schemas"]["OwnerStatsView"][];
            ratedCount: number;
            /** @description reopened at least once / resolved at least once */
            reopenRate: number | null;
            /** @description resolvedAt − createdAt over the resolved tickets */
            resolution: components["schemas"]["DurationStatsView"];
            /** @description revisited / (closed + revisited) */
            revisitRate: number | null;
            /** @description ratings with attitude, timeliness and quality all ≥ 4 / ratings */
            satisfactionRate: number | null;
            to: string;
            trend: components["schemas"]["TrendDayView"][];
        };
        StatusCountsView: {
            accepted: number;
            cancelled: number;
            closed: number;
            dispatched: number;
            in_progress: number;
            resolved: number;
            revisited: number;
            submitted: number;
        };
        SubscriptionsDto: {
            /**
             * @description what wx.requestSubscribeMessage answered, per template id
             * @example {
             *       "tpl_accepted": "accept",
             *       "tpl_resolved": "reject"
             *     }
             */
            results: {
                [key: string]: "accept" | "reject" | "ban" | "filter";
            };
        };
        TemplateIdList: {
            /** @description ask for at most 3 per wx.requestSubscribeMessage call */
            items: components["schemas"]["TemplateIdView"][];
        };
        TemplateIdView: {
            /** @enum {string} */
            kind: "accepted" | "dispatched" | "resolved" | "reopened" | "closed" | "cancelled" | "replied" | "held" | "resumed" | "appointment" | "reminder" | "delayed" | "incident" | "incident_resolved" | "incident_linked" | "merged" | "quoted" | "refunded";
            templateId: string;
        };
        TicketClockView: {
            /** @description its deadline */
            dueAt: string;
            /** @enum {string} */
            name: "respond" | "onsite" | "resolve" | "confirm" | "revisit";
            /**
             * @description ok: inside its limit; warning: within SLA_WARN_LEAD_SEC of the deadline; breached: past it (or a breach was recorded); paused: the ticket is on hold
             * @enum {string}
             */
            state: "ok" | "warning" | "breached" | "paused";
            /** @description when it turns to warning: dueAt less SLA_WARN_LEAD_SEC (a screen moves the state on with the time) */
            warnAt: string;
        };
        TicketContactsView: {
            /** @description the property’s hotline for the room’s zone at this time of day */
            hotline: components["schemas"]["CallableView"] | null;
            /** @description on the day of the visit: the number that reaches the technician */
            technician: components["schemas"]["CallableView"] | null;
        };
        TicketCountsView: {
            /** @description current status of the tickets created in the window */
            byStatus: components["schemas"]["StatusCountsView"];
            byType: components["schemas"]["TypeCountsView"];
            total: number;
        };
        TicketDetailView: {
            /** @description the visit time agreed with the resident (dispatch or reschedule) */
            appointmentAt: string | null;
            assignee: components["schemas"]["PersonRefView"] | null;
            category: string;
            /** @description until when the resident may reschedule or cancel the booking */
            changeableUntil: string | null;
            /** @enum {string} */
            channel: "miniapp" | "phone" | "walk_in" | "patrol" | "other";
            /** @description the time limit of the current step and how it stands; null when no clock runs */
            clock: components["schemas"]["TicketClockView"] | null;
            /** @description complaints only (投诉处理); null for the other types */
            complaint: components["schemas"]["ComplaintView"] | null;
            /** @example 138****1234 */
            contactPhoneMasked: string | null;
            createdAt: string;
            deadlines: components["schemas"]["DeadlinesView"];
            description: string;
            /** @description paid services: fen still to pay (0: nothing, paid or waived) */
            dueFen: number;
            events: components["schemas"]["TicketEventView"][];
            fee: number | null;
            /** @description needs a human look (content check said review or could not run) */
            flagged: boolean;
            /** @description residents following it (我也遇到, merged duplicates), besides the one who filed it */
            followerCount: number;
            /** @description staff views only (empty for residents): who follows it, and how */
            followers: components["schemas"]["FollowerView"][];
            /** @description residents: true when the caller follows this request (我也遇到) rather than filed it; `rating` is then their own */
            following: boolean;
            id: string;
            /** @description where the problem is: a room or a public area */
            location: components["schemas"]["LocationView"];
            /** @description a duplicate merged into another request: that request */
            mergedInto: components["schemas"]["TicketRefView"] | null;
            /** @example BX20261123-0007 */
            no: string;
            onHold: boolean;
            overdue: ("respond" | "onsite" | "resolve" | "confirm" | "revisit")[];
            owner: components["schemas"]["PersonRefView"] | null;
            photos: components["schemas"]["PhotoView"][];
            /** @enum {string} */
            priority: "normal" | "urgent";
            /** @description paid services: a quote waits for the resident (GET /tickets/{id}/settlement for the lines) */
            quotePending: boolean;
            rating: components["schemas"]["RatingView"] | null;
            reopenCount: number;
            /** @description staff views only: for a public area, the room of the resident who filed it (who they are) */
            reporterRoom: components["schemas"]["RoomRefView"] | null;
            residentId: string | null;
            /** @description the room, when the request is about one (location.kind room); null for a public area */
            room: components["schemas"]["RoomRefView"] | null;
            /** @description the clocks started and not yet stopped (paused while on hold); the others were met or missed */
            runningClocks: ("respond" | "onsite" | "resolve" | "confirm" | "revisit")[];
            serviceItem: components["schemas"]["ServiceItemRefView"] | null;
            /** @description end of the booked window (slotStart + the service’s duration) */
            slotEnd: string | null;
            slotStart: string | null;
            /** @enum {string} */
            status: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
            updatedAt: string;
        };
        TicketEventView: {
            actor: components["schemas"]["EventActorView"];
            at: string;
            /** @description to staff: the staff-facing text; to the resident: the resident-facing text */
            note: string | null;
            photos: components["schemas"]["PhotoView"][];
            /** @description staff views only: what the resident reads of this entry */
            publicNote?: string | null;
            /** @enum {string} */
            type: "created" | "routed" | "pooled" | "claimed" | "accepted" | "dispatched" | "started" | "held" | "resumed" | "resolved" | "confirmed" | "auto_confirmed" | "verified" | "reopened" | "revisited" | "cancelled" | "transferred" | "commented" | "rated" | "urged" | "overdue" | "escalated" | "flagged" | "incident_linked" | "merged" | "duplicate_merged" | "followed" | "priority_raised" | "follower_rated" | "quoted" | "quote_approved" | "quote_declined" | "paid" | "refunded" | "payment_waived" | "graded" | "judged" | "investigation_assigned" | "investigation_reported" | "formally_replied";
            /**
             * @description staff views only: internal entries are never shown to the resident
             * @enum {string}
             */
            visibility?: "public" | "internal";
        };
        TicketPage: {
            items: components["schemas"]["TicketSummaryView"][];
            nextCursor: string | null;
        };
        TicketRefView: {
            id: string;
            no: string;
        };
        TicketSummaryView: {
            /** @description the visit time agreed with the resident (dispatch or reschedule) */
            appointmentAt: string | null;
            assignee: components["schemas"]["PersonRefView"] | null;
            category: string;
            /** @enum {string} */
            channel: "miniapp" | "phone" | "walk_in" | "patrol" | "other";
            /** @description the time limit of the current step and how it stands; null when no clock runs */
            clock: components["schemas"]["TicketClockView"] | null;
            createdAt: string;
            deadlines: components["schemas"]["DeadlinesView"];
            description: string;
            /** @description residents following it (我也遇到, merged duplicates), besides the one who filed it */
            followerCount: number;
            id: string;
            /** @description where the problem is: a room or a public area */
            location: components["schemas"]["LocationView"];
            /** @example BX20261123-0007 */
            no: string;
            onHold: boolean;
            overdue: ("respond" | "onsite" | "resolve" | "confirm" | "revisit")[];
            owner: components["schemas"]["PersonRefView"] | null;
            /** @enum {string} */
            priority: "normal" | "urgent";
            /** @description the room, when the request is about one (location.kind room); null for a public area */
            room: components["schemas"]["RoomRefView"] | null;
            /** @enum {string} */
            status: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
            updatedAt: string;
        };
        TradeBillCheckView: {
            billCount: number;
            /** @description fen */
            billTotalFen: number;
            date: string;
            mismatches: components["schemas"]["TradeBillMismatchView"][];
            ourCount: number;
            /** @description fen */
            ourTotalFen: number;
        };
        TradeBillMismatchView: {
            /** @description fen */
            billFen: number | null;
            /**
             * @description in the bill but not paid here / paid here but not in the bill / amounts differ
             * @enum {string}
             */
            kind: "missing_here" | "missing_in_bill" | "amount";
            /** @description fen */
            ourFen: number | null;
            outTradeNo: string;
        };
        TransferDto: {
            reason: string;
            toStaffId: string;
        };
        TrendDayView: {
            /** @description tickets created that day */
            created: number;
            /**
             * @description Asia/Shanghai calendar day
             * @example 2026-11-23
             */
            date: string;
            /** @description tickets whose (latest) resolution falls on that day */
            resolved: number;
            /** @description share of the ratings given that day with all three scores ≥ 4 */
            satisfactionRate: number | null;
        };
        TypeCountsView: {
            complaint: number;
            enquiry: number;
            home_service: number;
            repair: number;
        };
        UnpaidItemView: {
            /** @description fen */
            approvedFen: number;
            category: string;
            /** @description fen */
            dueFen: number;
            no: string;
            /** @description fen */
            paidFen: number;
            resolvedAt: string | null;
            roomLabel: string;
            /** @enum {string} */
            status: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
            ticketId: string;
        };
        UnpaidList: {
            items: components["schemas"]["UnpaidItemView"][];
        };
        UpdateAnnouncementDto: {
            body?: string;
            /** @description now: withdrawn */
            endsAt?: string | null;
            pinned?: boolean;
            title?: string;
        };
        UpdateCommunityDto: {
            /** @description null clears it */
            address?: string | null;
            name?: string;
        };
        UpdateIncidentDto: {
            /** @description the new expected end */
            expectedEndAt: string;
            /** @description told to residents with the new time */
            note?: string;
        };
        UpdatePlaceDto: {
            active?: boolean;
            buildingId?: string | null;
            name?: string;
            zoneId?: string | null;
        };
        UpdatePriceItemDto: {
            active?: boolean;
            name?: string;
            unit?: string;
            /** @description fen */
            unitPriceFen?: number;
        };
        UpdateRoomDto: {
            ownerName?: string;
            ownerPhone?: string;
        };
        UpdateServiceItemDto: {
            active?: boolean;
            /** @description days residents may book ahead, today included (1–30, default 7) */
            bookingDays?: number;
            description?: string;
            durationMin?: number;
            name?: string;
            /** @description an upload id (POST /uploads) for the picture; null removes it */
            photoId?: string | null;
            price?: number;
            slotCapacity?: number;
            /** @description first slot starts at, minutes after midnight (0–1410, default 540 = 09:00) */
            slotsFromMin?: number;
            /** @description last slot ends by, minutes after midnight (30–1440, default 1080 = 18:00) */
            slotsUntilMin?: number;
        };
        UpdateStaffDto: {
            active?: boolean;
            communityIds?: string[];
            name?: string;
            password?: string;
            phone?: string;
            roles?: ("agent" | "technician" | "supervisor" | "admin")[];
            skills?: ("水电" | "管道疏通" | "燃气" | "门窗" | "电梯" | "公共设施" | "家电清洗" | "保洁" | "开锁换锁" | "家具安装")[];
        };
        UpdateWecomSettingsDto: {
            /** @description kinds to receive; urgent kinds are always on */
            kinds: ("routed" | "pooled" | "urgent" | "dispatched" | "urged" | "transferred" | "flagged" | "reopened" | "rated_low" | "resolved" | "investigation" | "investigated" | "sla_warning" | "sla_overdue" | "escalated")[];
            /** @example 07:00 */
            quietEnd: string | null;
            /** @example 22:00 */
            quietStart: string | null;
        };
        UploadView: {
            height: number;
            id: string;
            /** @description bytes stored (re-encoded JPEG) */
            size: number;
            /** @description signed, short-lived; 320 px on the long side */
            thumbUrl: string;
            /** @description signed, short-lived; relative to the API origin */
            url: string;
            /** @description px, after turning upright and scaling to 2560 px at most */
            width: number;
        };
        UpsertSlaPolicyDto: {
            communityId: string;
            confirmWithinSec: number;
            /**
             * @description complaints only: the limits of 一般 or 重大 complaints
             * @default general
             * @enum {string}
             */
            level?: "general" | "major";
            onsiteWithinSec: number | null;
            /** @enum {string} */
            priority: "normal" | "urgent";
            resolveWithinSec: number;
            /** @description left out: kept as it is; null: cleared (resolveWithinSec applies) */
            resolveWorkingDays?: number | null;
            respondWithinSec: number;
            revisitWithinSec: number;
            /** @enum {string} */
            type: "repair" | "complaint" | "home_service" | "enquiry";
        };
        WaiveDto: {
            reason: string;
        };
        WechatLoginDto: {
            /** @description code from wx.login (valid 5 minutes, once) */
            code: string;
        };
        WechatLoginResult: {
            /** @description seconds */
            expiresIn: number;
            resident: components["schemas"]["ResidentLoginInfo"];
            token: string;
        };
        WechatPayOrderView: {
            /** @description fen */
            amountFen: number;
            expiresAt: string;
            /** @description pass to wx.requestPayment as they are */
            params: components["schemas"]["RequestPaymentView"];
            paymentId: string;
        };
        WecomImportError: {
            message: string;
            row: number;
        };
        WecomImportResult: {
            errors: components["schemas"]["WecomImportError"][];
            unchanged: number;
            /** @description accounts bound or changed (0 when anything was wrong: nothing is applied then) */
            updated: number;
        };
        WecomKindSetting: {
            /** @enum {string} */
            kind: "routed" | "pooled" | "urgent" | "dispatched" | "urged" | "transferred" | "flagged" | "reopened" | "rated_low" | "resolved" | "investigation" | "investigated" | "sla_warning" | "sla_overdue" | "escalated";
            label: string;
            on: boolean;
            /** @description urgent kinds always go, through quiet hours, and cannot be turned off */
            urgent: boolean;
        };
        WecomOauthUrl: {
            url: string;
        };
        WecomSettingsPage: {
            items: components["schemas"]["WecomSettingsView"][];
        };
        WecomSettingsView: {
            boundAt: string | null;
            /** @enum {string|null} */
            boundVia: "admin" | "import" | "oauth" | null;
            /** @description WeCom is configured on this server */
            enabled: boolean;
            kinds: components["schemas"]["WecomKindSetting"][];
            /** @description the last final failure (e.g. 81013), with WeCom’s errmsg */
            lastError: string | null;
            lastErrorAt: string | null;
            /** @description what lastError means and what to do, in Chinese */
            lastErrorReason: string | null;
            lastSentAt: string | null;
            /** @description messages still waiting to go (held for quiet hours, backing off …) */
            pending: number;
            /** @example 07:00 */
            quietEnd: string | null;
            /** @example 22:00 */
            quietStart: string | null;
            staffId: string;
            userid: string | null;
        };
        ZoneList: {
            items: components["schemas"]["ZoneView"][];
            nextCursor: string | null;
        };
        ZoneView: {
            communityId: string;
            id: string;
            /** @example A1区 */
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    AnnouncementsAdmin_list: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AnnouncementsAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAnnouncementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AnnouncementsAdmin_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AnnouncementsAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAnnouncementDto"];
            };
        };
        responses: {
            /** @description endsAt: now withdraws it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AnnouncementsAdmin_fromIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnouncementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    AuditAdmin_list: {
        parameters: {
            query?: {
                /** @description an action (`ticket.transfer`), or every action of an object with a trailing dot (`ticket.`) */
                action?: string;
                /** @description the operator (a staff id) */
                actorId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description at or after */
                from?: string;
                limit?: number;
                targetId?: string;
                targetType?: string;
                /** @description before */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommunityDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommunityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_buildings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildingList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_createBuilding: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBuildingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildingView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HotlinesAdmin_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    HotlinesAdmin_replace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HotlinesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PlacesAdmin_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PlacesAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePlaceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PlacesAdmin_import: {
        parameters: {
            query?: {
                dryRun?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceImportResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_rooms: {
        parameters: {
            query?: {
                buildingId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_createRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoomDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_updateRoom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                roomId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoomDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_importRooms: {
        parameters: {
            query?: {
                /** @description true: check every row and report, write nothing */
                dryRun?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomImportResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_zones: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CommunitiesAdmin_createZone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateZoneDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ZoneView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DutyAdmin_list: {
        parameters: {
            query: {
                communityId: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description shifts ending after this instant */
                from?: string;
                limit?: number;
                /** @description shifts starting before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DutyShiftPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DutyAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDutyShiftDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DutyShiftView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DutyAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDutyShiftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DutyShiftView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    DutyAdmin_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsAdmin_list: {
        parameters: {
            query?: {
                communityId?: string;
                status?: "planned" | "active" | "resolved";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIncidentDto"];
            };
        };
        responses: {
            /** @description every resident bound in the area is told */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsAdmin_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIncidentDto"];
            };
        };
        responses: {
            /** @description a new expected end, told to the area */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    IncidentsAdmin_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveIncidentDto"];
            };
        };
        responses: {
            /** @description told to the area; linked open requests are resolved for confirmation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncidentDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_statement: {
        parameters: {
            query: {
                communityId: string;
                /** @description a day in Asia/Shanghai */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 日结单-YYYYMMDD.xlsx: the day’s payments (WeChat Pay, cash, QR code), completed refunds and totals of one community */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_tradeBill: {
        parameters: {
            query: {
                /** @description a day in Asia/Shanghai */
                date: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TradeBillCheckView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_unpaid: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnpaidList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PlacesAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlaceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlaceView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_listPrices: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceItemList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_createPrice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePriceItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceItemView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_updatePrice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePriceItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceItemView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    PaymentsAdmin_importPrices: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description columns 名称, 单位, 单价（元）; nothing is written while a row is bad */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceImportResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    ReportsAdmin_ticketsXlsx: {
        parameters: {
            query?: {
                assigneeId?: string;
                /** @description true: open, not on hold, a deadline within the warning lead time (SLA_WARN_LEAD_SEC) and not yet passed */
                atRisk?: boolean;
                communityId?: string;
                /** @description created at or after */
                from?: string;
                mine?: "owner" | "assignee";
                overdue?: boolean;
                ownerId?: string;
                priority?: "normal" | "urgent";
                /** @description ticket number or words of the description */
                q?: string;
                sort?: "newest" | "oldest" | "deadline";
                /** @description open: still being handled; done: resolved, closed, revisited or cancelled */
                stage?: "open" | "done";
                status?: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
                /** @description created before */
                to?: string;
                type?: "repair" | "complaint" | "home_service" | "enquiry";
                /** @description true: only the pool (no owner yet) */
                unowned?: boolean;
                zoneId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 工单导出-YYYYMMDD.xlsx: the GET /tickets filters, Asia/Shanghai times, at most 50,000 rows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RoomBindingsAdmin_list: {
        parameters: {
            query?: {
                communityId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomBindingPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RoomBindingsAdmin_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BindRoomResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    RoomBindingsAdmin_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BindRoomResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CatalogueAdmin_list: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CatalogueAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    CatalogueAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateServiceItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SlaAdmin_list: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every type × priority, defaults included */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SlaAdmin_upsert: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpsertSlaPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    SlaAdmin_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description back to the default */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffAdmin_list: {
        parameters: {
            query?: {
                communityId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                q?: string;
                role?: "agent" | "technician" | "supervisor" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffAdmin_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffAdmin_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStaffDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffAdmin_unbindWechat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomAdmin_set: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetWecomUseridDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomSettingsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomAdmin_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomSettingsPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomAdmin_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomImportResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StatsAdmin_get: {
        parameters: {
            query: {
                communityId: string;
                /** @description start of the window (inclusive), ISO-8601 instant; default: `to` − 30 days */
                from?: string;
                /** @description end of the window (exclusive), ISO-8601 instant; default: now. At most 366 days after `from` */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Auth_staffLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffLoginResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Auth_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffLoginResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Auth_staffWechatBind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffWechatBindDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffLoginResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Auth_staffWechatLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffLoginResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Auth_wechatLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatLoginResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Communities_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunityListView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Places_locations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationOptions"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Communities_rooms: {
        parameters: {
            query?: {
                /** @description part of the label, e.g. "3栋 1201" */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoomOptionList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Files_full: {
        parameters: {
            query?: {
                /** @description expiry, unix seconds */
                exp?: string;
                /** @description HMAC-SHA256, base64url */
                sig?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the photo (403 when the signature is bad or expired) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Files_thumb: {
        parameters: {
            query?: {
                /** @description expiry, unix seconds */
                exp?: string;
                /** @description HMAC-SHA256, base64url */
                sig?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the thumbnail, 320 px on the long side (403 when the signature is bad or expired) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Health_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Me_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Me_erase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Announcements_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentAnnouncementList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Announcements_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description counted once per resident */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Announcements_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { marked } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_following: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    MeHotline_hotline: {
        parameters: {
            query: {
                roomId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotlineAnswer"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Incidents_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentIncidentList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Me_bindPhone: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PhoneCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhoneMaskedView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_sameSpot: {
        parameters: {
            query: {
                /** @description building, unit */
                buildingId?: string;
                kind: "room" | "building" | "unit" | "zone" | "place";
                /** @description place (a named public spot) */
                placeId?: string;
                /** @description room */
                roomId?: string;
                /** @description unit: the unit of the building (2 for 2单元) */
                unit?: string;
                /** @description zone */
                zoneId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicRequestList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Me_bindRoom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BindRoomDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BindRoomResult"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Notices_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoticePage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Notices_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Notices_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description { marked: how many lines were unread } */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Notices_templates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateIdList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Catalogue_list: {
        parameters: {
            query: {
                communityId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Catalogue_slots: {
        parameters: {
            query: {
                /** @description a day in Asia/Shanghai */
                date: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlotList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffEvents_events: {
        parameters: {
            query: {
                lastEventId: string;
            };
            header: {
                "last-event-id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description server-sent events: `event:` a staff event type, `data:` one StaffNoticeView as JSON, `id:` its id; every 15 s `event: ping` (no id) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffEvents_list: {
        parameters: {
            query?: {
                /** @description nextCursor from the previous page */
                cursor?: string;
                limit?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffNoticePage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    StaffEvents_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomSettings_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomSettingsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomSettings_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWecomSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomSettingsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomSettings_bind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BindWecomDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomSettingsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    WecomSettings_oauthUrl: {
        parameters: {
            query?: {
                /** @description admin page path to come back to, e.g. /settings/notify */
                back?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WecomOauthUrl"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Notices_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionsDto"];
            };
        };
        responses: {
            /** @description each accept is one send credit for that template */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_list: {
        parameters: {
            query?: {
                assigneeId?: string;
                /** @description true: open, not on hold, a deadline within the warning lead time (SLA_WARN_LEAD_SEC) and not yet passed */
                atRisk?: boolean;
                communityId?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description created at or after */
                from?: string;
                limit?: number;
                mine?: "owner" | "assignee";
                overdue?: boolean;
                ownerId?: string;
                priority?: "normal" | "urgent";
                /** @description ticket number or words of the description */
                q?: string;
                sort?: "newest" | "oldest" | "deadline";
                /** @description open: still being handled; done: resolved, closed, revisited or cancelled */
                stage?: "open" | "done";
                status?: "submitted" | "accepted" | "dispatched" | "in_progress" | "resolved" | "closed" | "revisited" | "cancelled";
                /** @description created before */
                to?: string;
                type?: "repair" | "complaint" | "home_service" | "enquiry";
                /** @description true: only the pool (no owner yet) */
                unowned?: boolean;
                zoneId?: string;
            };
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketPage"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the first result, nothing new created */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTicketDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_accept: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_claim: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_comment: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_confirm: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    TicketContacts_contacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketContactsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_dispatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispatchDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_follow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_unfollow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_rate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Complaints_formalReply: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the step is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FormalReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Complaints_grade: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the step is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GradeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_hold: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Complaints_investigate: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the step is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvestigateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Complaints_report: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the step is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
                investigationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvestigationReportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Complaints_judge: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the step is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JudgeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Followers_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_refund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundDto"];
            };
        };
        responses: {
            /** @description full or partial; WeChat Pay refunds complete by their notification */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_sync: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description asks WeChat Pay about a pending order (after wx.requestPayment, or a late notification) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_offline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfflinePaymentDto"];
            };
        };
        responses: {
            /** @description cash or the property’s QR code, recorded with who and when */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_payWithWechat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a JSAPI order and the signed wx.requestPayment parameters; 409 PAYMENT_UNAVAILABLE without WeChat Pay */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatPayOrderView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_priceItems: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the materials a quote for this request may use */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceItemList"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_quote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendQuoteDto"];
            };
        };
        responses: {
            /** @description above what the resident accepted, the quote waits for their approval */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                quoteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                quoteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteDecisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_rate: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_replyToRating: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingReplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_rebook: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RebookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 收据; 409 INVALID_TRANSITION before anything is paid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_reopen: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_reschedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_resolve: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_resume: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResumeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_revealPhone: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevealedPhoneView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_revisit: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevisitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_settlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_start: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_transfer: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_urge: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_verify: {
        parameters: {
            query?: never;
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketDetailView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Payments_waive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaiveDto"];
            };
        };
        responses: {
            /** @description 免收: what is due is waived, with a reason */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Tickets_counts: {
        parameters: {
            query?: {
                assigneeId?: string;
                /** @description true: open, not on hold, a deadline within the warning lead time (SLA_WARN_LEAD_SEC) and not yet passed */
                atRisk?: boolean;
                communityId?: string;
                /** @description created at or after */
                from?: string;
                mine?: "owner" | "assignee";
                overdue?: boolean;
                ownerId?: string;
                priority?: "normal" | "urgent";
                /** @description ticket number or words of the description */
                q?: string;
                /** @description open: still being handled; done: resolved, closed, revisited or cancelled */
                stage?: "open" | "done";
                /** @description created before */
                to?: string;
                type?: "repair" | "complaint" | "home_service" | "enquiry";
                /** @description true: only the pool (no owner yet) */
                unowned?: boolean;
                zoneId?: string;
            };
            header?: {
                /** @description same key within 24 h → the action is applied once; a retry gets the ticket as it is now */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueCountsView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
    Files_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG, PNG or WebP, ≤ 10 MB
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadView"];
                };
            };
            /** @description 错误：稳定的 code 与中文 message */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
        };
    };
}
